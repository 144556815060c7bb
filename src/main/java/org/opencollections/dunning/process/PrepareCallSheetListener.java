package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a task of a customer's call is created, puts every invoice the call covers on it, with the
 * contact and the history, and sets its priority from the amount outstanding and days overdue.
 */
@Component
public class PrepareCallSheetListener implements TaskListener {

  private final CallSheets sheets;

  PrepareCallSheetListener(CallSheets sheets) {
    this.sheets = sheets;
  }

  @Override
  public void notify(DelegateTask task) {
    var sheet = sheets.forCustomer((String) task.getVariable(ProcessVariables.CUSTOMER_ID));
    task.setVariablesLocal(sheet.variables());
    task.setPriority(sheet.priority());
  }
}
