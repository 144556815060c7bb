package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.dunning.CallOutcome;
import org.opencollections.dunning.CallReport;
import org.opencollections.dunning.DunningStage;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.springframework.stereotype.Component;

/**
 * Checks and records the outcome of a collection call when the clerk completes the task. A value
 * that cannot be recorded is refused with a message Tasklist shows, and nothing changes.
 */
@Component
public class RecordCallOutcomeListener implements TaskListener {

  private final CaseHistory history;
  private final Schedule schedule;

  RecordCallOutcomeListener(CaseHistory history, Schedule schedule) {
    this.history = history;
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateTask task) {
    CallReport report = TaskForms.read(() -> CallReport.of(
        task.getVariable(ProcessVariables.CALL_OUTCOME),
        task.getVariable(ProcessVariables.PROMISED_DATE),
        task.getVariable(ProcessVariables.CALL_NOTE), schedule.today()));
    // The promise timer reads an ISO date, whatever the form submitted.
    task.setVariable(ProcessVariables.PROMISED_DATE,
        report.promisedDate() == null ? null : report.promisedDate().toString());
    history.record((String) task.getVariable(ProcessVariables.INVOICE_NUMBER),
        ContactLogEntry.Channel.PHONE, "CALL", report.outcome().name(), report.promisedDate(),
        report.note(), TaskForms.actor(task), stageAfter(report.outcome()));
  }

  private static DunningStage stageAfter(CallOutcome outcome) {
    return switch (outcome) {
      case PROMISED_TO_PAY -> DunningStage.PROMISED_TO_PAY;
      case DISPUTED -> DunningStage.DISPUTED;
      case NO_ANSWER -> DunningStage.CUSTOMER_NOT_REACHED;
      case ALREADY_PAID -> DunningStage.PAYMENT_REPORTED;
    };
  }
}
