package org.opencollections.dunning.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.dunning.CallReport;
import org.opencollections.dunning.DunningMail;
import org.opencollections.dunning.Schedule;
import org.opencollections.mail.DunningMails;

/**
 * Mails the customer about a promise to pay made in a call: one mail for all of the promised
 * invoices. Wired twice in {@link DunningProcessConfiguration}: {@code confirmPromiseDelegate} and
 * {@code mailBrokenPromiseDelegate}.
 */
public class PromiseMailDelegate implements JavaDelegate {

  private final DunningMails mails;
  private final DunningMail mail;
  private final Schedule schedule;

  public PromiseMailDelegate(DunningMails mails, DunningMail mail, Schedule schedule) {
    this.mails = mails;
    this.mail = mail;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var promise = new DunningMails.Promise(
        LocalDate.parse(execution.getVariable(CallReport.PROMISED_DATE).toString()),
        new BigDecimal(execution.getVariable(CallReport.PROMISED_AMOUNT).toString()),
        schedule.dayOf(java.time.Instant.parse(execution.getVariable(ProcessVariables.PROMISE_MADE_AT).toString())),
        TaskForms.strings(execution.getVariable(ProcessVariables.PROMISED_INVOICES)),
        "call-" + execution.getProcessInstanceId());
    mails.sendAboutPromise(mail, promise);
  }
}
