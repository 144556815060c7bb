package org.opencollections.dunning.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.bank.MatchingDecisions;
import org.springframework.stereotype.Component;

/** Checks and records a clerk's answer to a bank payment that did not match by itself. */
@Component
public class RecordPaymentMatchListener implements TaskListener, FormCheck {

  static final String TASK = "Task_MatchPayment";

  private final MatchingDecisions decisions;

  RecordPaymentMatchListener(MatchingDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public Set<String> formsChecked() {
    return Set.of(TASK);
  }

  @Override
  public void check(Map<String, Object> form, Function<String, Object> caseVariables, String user) {
    answer(form::get, caseVariables);
  }

  @Override
  public void notify(DelegateTask task) {
    MatchingDecisions.Answer answer = TaskForms.read(() -> answer(task::getVariable, task::getVariable));
    decisions.decide(entryId(task::getVariable), answer, TaskForms.actor(task));
  }

  private MatchingDecisions.Answer answer(Function<String, Object> form, Function<String, Object> caseVariables) {
    return decisions.check(entryId(caseVariables), form.apply(PaymentMatchingProcess.DECISION),
        form.apply(PaymentMatchingProcess.CHOSEN_INVOICE), form.apply(PaymentMatchingProcess.OTHER_INVOICE),
        form.apply(PaymentMatchingProcess.NOTE));
  }

  private static Long entryId(Function<String, Object> variables) {
    Object id = variables.apply(PaymentMatchingProcess.BANK_ENTRY_ID);
    return id instanceof Number number ? number.longValue() : null;
  }
}
