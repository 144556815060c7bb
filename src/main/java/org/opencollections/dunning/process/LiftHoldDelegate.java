package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.credit.CreditControl;
import org.opencollections.dunning.HoldChangeRequest;
import org.springframework.stereotype.Component;

/** Lifts the customer's holds once a second manager approved. */
@Component
public class LiftHoldDelegate implements JavaDelegate {

  private final CreditControl creditControl;

  LiftHoldDelegate(CreditControl creditControl) {
    this.creditControl = creditControl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    creditControl.liftByHand((String) execution.getVariable(HoldChangeRequest.CUSTOMER_ID),
        (String) execution.getVariable(HoldChangeRequest.REASON),
        (String) execution.getVariable(CreditHoldRequests.REQUESTED_BY),
        (String) execution.getVariable(CreditHoldRequests.APPROVED_BY));
  }
}
