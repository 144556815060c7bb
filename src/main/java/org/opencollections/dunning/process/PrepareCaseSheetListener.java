package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a task about one invoice is created (dispute review, sales follow-up), puts the invoice's
 * case on it as task variables for its form.
 */
@Component
public class PrepareCaseSheetListener implements TaskListener {

  private final CallSheets sheets;

  PrepareCaseSheetListener(CallSheets sheets) {
    this.sheets = sheets;
  }

  @Override
  public void notify(DelegateTask task) {
    var sheet = sheets.forInvoice((String) task.getVariable(ProcessVariables.INVOICE_NUMBER));
    task.setVariablesLocal(sheet.variables());
    task.setPriority(sheet.priority());
  }
}
