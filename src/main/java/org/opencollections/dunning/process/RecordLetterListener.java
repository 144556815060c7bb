package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.dunning.DunningStage;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.springframework.stereotype.Component;

/** Records in the contact history that the reminder went out by post, and who posted it. */
@Component
public class RecordLetterListener implements TaskListener {

  private final CaseHistory history;

  RecordLetterListener(CaseHistory history) {
    this.history = history;
  }

  @Override
  public void notify(DelegateTask task) {
    String by = task.getAssignee() != null ? task.getAssignee() : "unknown";
    history.record((String) task.getVariable(ProcessVariables.INVOICE_NUMBER),
        ContactLogEntry.Channel.LETTER, Reminders.tone(task).mail().name(), "POSTED", null,
        (String) task.getVariableLocal(PrepareLetterListener.LETTER_SUBJECT), by,
        DunningStage.REMINDER_POSTED);
  }
}
