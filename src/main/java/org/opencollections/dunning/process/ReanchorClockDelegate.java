package org.opencollections.dunning.process;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.dunning.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a rejected dispute or a missed payment plan, moves the date the timers count from
 * ({@code dueDate} of the case) by the days the pause lasted: dunning resumes where it stopped,
 * not where the calendar got to.
 * The invoice's own due date does not change.
 */
@Component
public class ReanchorClockDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ReanchorClockDelegate.class);

  private final Schedule schedule;

  ReanchorClockDelegate(Schedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate anchor = LocalDate.parse((String) execution.getVariable(ProcessVariables.DUE_DATE));
    // A payment plan or a dispute paused the reminders; whichever it was, it is over now.
    Object pausedOn = execution.getVariable(ProcessVariables.PAUSED_ON);
    if (pausedOn == null) {
      pausedOn = execution.getVariable(ProcessVariables.DISPUTED_ON);
    }
    execution.removeVariable(ProcessVariables.PAUSED_ON);
    execution.removeVariable(ProcessVariables.DISPUTED_ON);
    if (pausedOn == null) {
      return;
    }
    long paused = Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(pausedOn.toString()),
        schedule.today()));
    execution.setVariable(ProcessVariables.DUE_DATE, anchor.plusDays(paused).toString());
    log.info("Invoice {}: dunning paused for {} days; reminders now count from {}",
        execution.getVariable(ProcessVariables.INVOICE_NUMBER), paused, anchor.plusDays(paused));
  }
}
