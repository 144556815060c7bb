package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.dunning.DunningMail;
import org.opencollections.dunning.Schedule;
import org.opencollections.mail.DunningMails;

/**
 * Sends one mail of the lifecycle. One bean per mail ({@code sendOverdueNoticeDelegate}...) is
 * wired in {@link DunningProcessConfiguration}, so the BPMN names the step it performs.
 */
public class SendMailDelegate implements JavaDelegate {

  private final DunningMails mails;
  private final DunningMail mail;
  private final Schedule schedule;

  public SendMailDelegate(DunningMails mails, DunningMail mail, Schedule schedule) {
    this.mails = mails;
    this.mail = mail;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String invoiceNumber = (String) execution.getVariable(ProcessVariables.INVOICE_NUMBER);
    mails.send(invoiceNumber, mail);
    if (mail == DunningMail.INVOICE) {
      execution.setVariable(ProcessVariables.INVOICE_SENT_ON, schedule.today().toString());
    }
  }
}
