package org.opencollections.dunning.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The server-side check of a task or start form. Listeners run it when a form is completed; the
 * {@link FormSubmissionFilter} runs it on the submitted values before the engine sees them, so
 * that Tasklist shows a refusal as a plain message and nothing changes.
 */
public interface FormCheck {

  /** The task definition keys (or process definition keys, for start forms) this check is for. */
  Set<String> formsChecked();

  /**
   * Checks the submitted values.
   *
   * @param form the submitted values by field name
   * @param caseVariables the variables the task or process already has, by name
   * @param user who submits the form, when known
   * @throws org.opencollections.dunning.InvalidReportException with a message for the user
   */
  void check(Map<String, Object> form, Function<String, Object> caseVariables, String user);
}
