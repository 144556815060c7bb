package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.dunning.DunningStage;
import org.opencollections.invoice.CaseHistory;
import org.springframework.stereotype.Component;

/** Puts the invoice on its customer's call: one call per customer, whatever the number of invoices. */
@Component
public class RequestCallDelegate implements JavaDelegate {

  private final CustomerCalls calls;
  private final CaseHistory history;

  RequestCallDelegate(CustomerCalls calls, CaseHistory history) {
    this.calls = calls;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    history.reach((String) execution.getVariable(ProcessVariables.INVOICE_NUMBER), DunningStage.CALL_DUE);
    calls.request((String) execution.getVariable(ProcessVariables.CUSTOMER_ID));
  }
}
