package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.Customer;
import org.opencollections.mail.DunningMails;
import org.opencollections.mail.RenderedMail;
import org.springframework.stereotype.Component;

/** Puts the letter to post on the task: the reminder's text, addressed to the customer's contact. */
@Component
public class PrepareLetterListener implements TaskListener {

  static final String LETTER_SUBJECT = "letterSubject";
  static final String LETTER_TEXT = "letterText";

  private final DunningMails mails;
  private final CaseHistory history;

  PrepareLetterListener(DunningMails mails, CaseHistory history) {
    this.mails = mails;
    this.history = history;
  }

  @Override
  public void notify(DelegateTask task) {
    String invoiceNumber = (String) task.getVariable(ProcessVariables.INVOICE_NUMBER);
    RenderedMail letter = mails.letter(invoiceNumber, Reminders.tone(task).mail(), Reminders.details(task));
    Customer customer = history.invoice(invoiceNumber).getCustomer();
    task.setVariableLocal(ProcessVariables.Sheet.CUSTOMER_NAME, customer.getName());
    task.setVariableLocal(ProcessVariables.Sheet.CONTACT_NAME, customer.getContactName());
    task.setVariableLocal(LETTER_SUBJECT, letter.subject());
    task.setVariableLocal(LETTER_TEXT, letter.body());
  }
}
