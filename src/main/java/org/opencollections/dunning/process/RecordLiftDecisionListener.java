package org.opencollections.dunning.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.dunning.LiftApproval;
import org.springframework.stereotype.Component;

/** A second manager decides on lifting a credit hold; the manager who asked cannot. */
@Component
public class RecordLiftDecisionListener implements TaskListener, FormCheck {

  static final String APPROVAL_TASK = "Task_ApproveLift";

  @Override
  public Set<String> formsChecked() {
    return Set.of(APPROVAL_TASK);
  }

  @Override
  public void check(Map<String, Object> form, Function<String, Object> caseVariables,
      String user) {
    LiftApproval.of(form.get(LiftApproval.DECISION), form.get(LiftApproval.NOTE), user,
        (String) caseVariables.apply(CreditHoldRequests.REQUESTED_BY));
  }

  @Override
  public void notify(DelegateTask task) {
    String approver = TaskForms.actor(task);
    LiftApproval approval = TaskForms.read(() -> LiftApproval.of(
        task.getVariable(LiftApproval.DECISION), task.getVariable(LiftApproval.NOTE), approver,
        (String) task.getVariable(CreditHoldRequests.REQUESTED_BY)));
    task.getExecution().setVariable(CreditHoldRequests.APPROVED_BY, approver);
    task.getExecution().setVariable(LiftApproval.DECISION, approval.decision().name());
  }
}
