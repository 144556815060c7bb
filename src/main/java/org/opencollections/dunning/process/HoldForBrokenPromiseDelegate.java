package org.opencollections.dunning.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.credit.CreditControl;
import org.opencollections.dunning.CallReport;
import org.opencollections.dunning.DunningStage;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.springframework.stereotype.Component;

/**
 * A broken promise to pay: the customer goes on credit hold at once, and the invoices of the call
 * keep it on hold until they are paid (seed: no more credit until the account is paid in full).
 */
@Component
public class HoldForBrokenPromiseDelegate implements JavaDelegate {

  private final CustomerCalls calls;
  private final CreditControl creditControl;
  private final CaseHistory history;

  HoldForBrokenPromiseDelegate(CustomerCalls calls, CreditControl creditControl,
      CaseHistory history) {
    this.calls = calls;
    this.creditControl = creditControl;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerId = (String) execution.getVariable(ProcessVariables.CUSTOMER_ID);
    List<String> open = calls.invoicesInCall(customerId);
    String reason = "Promise to pay " + execution.getVariable(CallReport.PROMISED_AMOUNT) + " by "
        + execution.getVariable(CallReport.PROMISED_DATE) + " was broken";
    var placement = creditControl.placeHold(customerId, reason, open.isEmpty() ? null : open.get(0));
    history.holdCredit(open);
    history.recordForEach(open, ContactLogEntry.Channel.DECISION, "CREDIT_HOLD",
        placement.placedNow() ? "PLACED" : "ALREADY_ON_HOLD", null, reason, "system",
        DunningStage.PROMISE_BROKEN);
  }
}
