package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.credit.CreditControl;
import org.opencollections.dunning.HoldChangeRequest;
import org.opencollections.invoice.Customers;
import org.springframework.stereotype.Component;

/** Shows the approving manager the customer, its hold and who asked for the lift. */
@Component
public class PrepareHoldSheetListener implements TaskListener {

  private final CreditControl creditControl;
  private final Customers customers;

  PrepareHoldSheetListener(CreditControl creditControl, Customers customers) {
    this.creditControl = creditControl;
    this.customers = customers;
  }

  @Override
  public void notify(DelegateTask task) {
    String customerId = (String) task.getVariable(HoldChangeRequest.CUSTOMER_ID);
    var status = creditControl.status(customerId);
    customers.findById(customerId).ifPresent(customer ->
        task.setVariableLocal(ProcessVariables.Sheet.CUSTOMER_NAME, customer.getName()));
    task.setVariableLocal("holdSince", String.valueOf(status.since()));
    task.setVariableLocal("holdReasonText", String.valueOf(status.reason()));
  }
}
