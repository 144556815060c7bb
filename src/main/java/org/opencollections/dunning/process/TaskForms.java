package org.opencollections.dunning.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencollections.dunning.InvalidReportException;

/** What the listeners of task forms share: reading the submitted form, and who submitted it. */
final class TaskForms {

  private TaskForms() {
  }

  /** Checks a submitted form; a value that cannot be recorded refuses the completion with its message. */
  static <T> T read(Supplier<T> report) {
    try {
      return report.get();
    } catch (InvalidReportException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  /** Who completed a task: the user logged into Tasklist or the REST API, else the assignee. */
  static String actor(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }
}
