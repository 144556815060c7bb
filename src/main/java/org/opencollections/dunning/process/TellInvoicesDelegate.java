package org.opencollections.dunning.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;

/**
 * Tells every invoice still waiting for the customer's call what comes next. One bean per result
 * ({@code resumeDunningDelegate}...) is wired in {@link DunningProcessConfiguration}.
 */
public class TellInvoicesDelegate implements JavaDelegate {

  private final CustomerCalls calls;
  private final CustomerCalls.Result result;
  private final CaseHistory history;
  private final String decision;

  /**
   * @param decision when not null, recorded on each invoice as the reason for what happens next
   */
  public TellInvoicesDelegate(CustomerCalls calls, CustomerCalls.Result result, CaseHistory history,
      String decision) {
    this.calls = calls;
    this.result = result;
    this.history = history;
    this.decision = decision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerId = (String) execution.getVariable(ProcessVariables.CUSTOMER_ID);
    List<String> invoices = calls.invoicesInCall(customerId);
    if (decision != null) {
      history.recordForEach(invoices, ContactLogEntry.Channel.DECISION, "CALL", result.name(), null,
          decision, "system", null);
    }
    calls.tell(invoices, result, Map.of());
  }
}
