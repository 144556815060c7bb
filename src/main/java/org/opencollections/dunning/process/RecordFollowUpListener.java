package org.opencollections.dunning.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.dunning.FollowUpNote;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.springframework.stereotype.Component;

/**
 * Records what a clerk did about a broken promise or a reported payment, on every invoice of the
 * call. A note is required: it is what the next person reads.
 */
@Component
public class RecordFollowUpListener implements TaskListener, FormCheck {

  static final String BROKEN_PROMISE_TASK = "Task_FollowUpBrokenPromise";
  static final String PAYMENT_CHECK_TASK = "Task_CheckReportedPayment";

  private final CaseHistory history;

  RecordFollowUpListener(CaseHistory history) {
    this.history = history;
  }

  @Override
  public Set<String> formsChecked() {
    return Set.of(BROKEN_PROMISE_TASK, PAYMENT_CHECK_TASK);
  }

  @Override
  public void check(Map<String, Object> form, Function<String, Object> caseVariables,
      String user) {
    FollowUpNote.of(form.get(ProcessVariables.FOLLOW_UP_NOTE));
  }

  @Override
  public void notify(DelegateTask task) {
    FollowUpNote note = TaskForms.read(() ->
        FollowUpNote.of(task.getVariable(ProcessVariables.FOLLOW_UP_NOTE)));
    String kind = PAYMENT_CHECK_TASK.equals(task.getTaskDefinitionKey())
        ? "PAYMENT_CHECK" : "BROKEN_PROMISE_FOLLOW_UP";
    String outcome = PAYMENT_CHECK_TASK.equals(task.getTaskDefinitionKey())
        ? "PAYMENT_NOT_FOUND" : "FOLLOWED_UP";
    history.recordForEach(TaskForms.strings(task.getVariable(ProcessVariables.CALL_INVOICES)),
        ContactLogEntry.Channel.PHONE, kind, outcome, null, note.text(), TaskForms.actor(task), null);
  }
}
