package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.dunning.HoldChangeRequest;
import org.springframework.stereotype.Component;

/** The first step of a credit hold change: a request that does not fit refuses the start. */
@Component
public class CheckHoldRequestDelegate implements JavaDelegate {

  private final CreditHoldRequests requests;

  CheckHoldRequestDelegate(CreditHoldRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HoldChangeRequest request = TaskForms.read(() -> requests.request(
        execution.getVariable(HoldChangeRequest.CUSTOMER_ID),
        execution.getVariable(HoldChangeRequest.ACTION),
        execution.getVariable(HoldChangeRequest.REASON)));
    execution.setVariable(HoldChangeRequest.ACTION, request.action().name());
    execution.setVariable(HoldChangeRequest.REASON, request.reason());
  }
}
