package org.opencollections.dunning.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Another invoice of the customer became due for a call: the open call task lists it too. */
@Component
public class AddInvoiceToCallDelegate implements JavaDelegate {

  private final CustomerCalls calls;
  private final CallSheets sheets;
  private final TaskService taskService;

  AddInvoiceToCallDelegate(CustomerCalls calls, CallSheets sheets, TaskService taskService) {
    this.calls = calls;
    this.sheets = sheets;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerId = (String) execution.getVariable(ProcessVariables.CUSTOMER_ID);
    Task open = calls.openCallTask(customerId);
    if (open == null) {
      return; // the next call task lists it when it is created
    }
    var sheet = sheets.forCustomer(customerId);
    taskService.setVariablesLocal(open.getId(), sheet.variables());
    taskService.setPriority(open.getId(), sheet.priority());
  }
}
