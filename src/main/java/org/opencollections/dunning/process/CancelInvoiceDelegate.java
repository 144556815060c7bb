package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.invoice.CaseHistory;
import org.springframework.stereotype.Component;

/** Ends the collection of an invoice whose dispute was upheld: a credit note replaces it. */
@Component
public class CancelInvoiceDelegate implements JavaDelegate {

  private final CaseHistory history;

  CancelInvoiceDelegate(CaseHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    history.cancel((String) execution.getVariable(ProcessVariables.INVOICE_NUMBER));
  }
}
