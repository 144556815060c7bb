package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.opencollections.dunning.Reminder;
import org.opencollections.mail.DunningMails;

/** Reads the reminder the dunning policy decided from the case's variables. */
final class Reminders {

  private Reminders() {
  }

  static int level(VariableScope scope) {
    Object level = scope.getVariable(ProcessVariables.REMINDER_LEVEL);
    if (!(level instanceof Number number) || number.intValue() < 1) {
      throw new IllegalStateException("No reminder was decided for this case (reminderLevel is " + level + ")");
    }
    return number.intValue();
  }

  static Reminder.Tone tone(VariableScope scope) {
    return Reminder.Tone.valueOf((String) scope.getVariable(ProcessVariables.REMINDER_TONE));
  }

  static DunningMails.ReminderDetails details(VariableScope scope) {
    return new DunningMails.ReminderDetails(level(scope),
        Boolean.TRUE.equals(scope.getVariable(ProcessVariables.REMINDER_OFFERS_PLAN)));
  }
}
