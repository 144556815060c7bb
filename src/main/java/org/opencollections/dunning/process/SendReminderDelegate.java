package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.mail.DunningMails;
import org.springframework.stereotype.Component;

/** Emails the reminder in the tone the dunning policy chose, with its charges and any plan offer. */
@Component
public class SendReminderDelegate implements JavaDelegate {

  private final DunningMails mails;

  SendReminderDelegate(DunningMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.send((String) execution.getVariable(ProcessVariables.INVOICE_NUMBER),
        Reminders.tone(execution).mail(), Reminders.details(execution));
  }
}
