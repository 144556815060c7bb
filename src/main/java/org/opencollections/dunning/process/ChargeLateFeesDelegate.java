package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.charges.ChargingLateFees;
import org.springframework.stereotype.Component;

/** Claims the late charges of the reminder about to go out; a retry claims nothing twice. */
@Component
public class ChargeLateFeesDelegate implements JavaDelegate {

  private final ChargingLateFees charging;

  ChargeLateFeesDelegate(ChargingLateFees charging) {
    this.charging = charging;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean written = Boolean.TRUE.equals(execution.getVariable(ProcessVariables.REMINDER_BY_EMAIL))
        || Boolean.TRUE.equals(execution.getVariable(ProcessVariables.REMINDER_BY_LETTER));
    charging.charge((String) execution.getVariable(ProcessVariables.INVOICE_NUMBER),
        Reminders.level(execution), written);
  }
}
