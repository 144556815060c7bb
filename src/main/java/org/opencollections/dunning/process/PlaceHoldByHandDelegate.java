package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.credit.CreditControl;
import org.opencollections.dunning.HoldChangeRequest;
import org.springframework.stereotype.Component;

/** A manager's hold takes effect at once; only a manager lifts it. */
@Component
public class PlaceHoldByHandDelegate implements JavaDelegate {

  private final CreditControl creditControl;

  PlaceHoldByHandDelegate(CreditControl creditControl) {
    this.creditControl = creditControl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    creditControl.placeByHand((String) execution.getVariable(HoldChangeRequest.CUSTOMER_ID),
        (String) execution.getVariable(HoldChangeRequest.REASON),
        (String) execution.getVariable(CreditHoldRequests.REQUESTED_BY));
  }
}
