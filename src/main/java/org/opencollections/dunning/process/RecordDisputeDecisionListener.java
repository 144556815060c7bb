package org.opencollections.dunning.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.dunning.DisputeDecision;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.springframework.stereotype.Component;

/** Checks and records a manager's decision on a disputed invoice. */
@Component
public class RecordDisputeDecisionListener implements TaskListener, FormCheck {

  private final CaseHistory history;

  RecordDisputeDecisionListener(CaseHistory history) {
    this.history = history;
  }

  @Override
  public Set<String> formsChecked() {
    return Set.of("Task_ReviewDispute");
  }

  @Override
  public void check(Map<String, Object> form, Function<String, Object> caseVariables,
      String user) {
    DisputeDecision.of(form.get(ProcessVariables.DISPUTE_RESOLUTION),
        form.get(ProcessVariables.DISPUTE_NOTE));
  }

  @Override
  public void notify(DelegateTask task) {
    DisputeDecision decision = TaskForms.read(() -> DisputeDecision.of(
        task.getVariable(ProcessVariables.DISPUTE_RESOLUTION),
        task.getVariable(ProcessVariables.DISPUTE_NOTE)));
    history.record((String) task.getVariable(ProcessVariables.INVOICE_NUMBER),
        ContactLogEntry.Channel.DECISION, "DISPUTE", decision.resolution().name(), null,
        decision.note(), TaskForms.actor(task), null);
  }
}
