package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.opencollections.dunning.DunningMail;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.Customer;
import org.opencollections.mail.DunningMails;
import org.opencollections.mail.RenderedMail;
import org.springframework.stereotype.Component;

/**
 * Puts the letter to post on the task: the reminder as a print-ready PDF (a file variable of the
 * task, linked from its form), its subject and text, addressed to the customer's contact.
 */
@Component
public class PrepareLetterListener implements TaskListener {

  static final String LETTER_SUBJECT = "letterSubject";
  static final String LETTER_TEXT = "letterText";
  static final String LETTER_PDF = "letterPdf";
  static final String LETTER_PDF_LINK = "letterPdfLink";
  static final String POSTAL_ADDRESS = "postalAddress";

  private final DunningMails mails;
  private final CaseHistory history;

  PrepareLetterListener(DunningMails mails, CaseHistory history) {
    this.mails = mails;
    this.history = history;
  }

  @Override
  public void notify(DelegateTask task) {
    String invoiceNumber = (String) task.getVariable(ProcessVariables.INVOICE_NUMBER);
    DunningMail mail = Reminders.tone(task).mail();
    DunningMails.ReminderDetails details = Reminders.details(task);
    RenderedMail letter = mails.letter(invoiceNumber, mail, details);
    byte[] pdf = mails.letterPdf(invoiceNumber, mail, details);
    Customer customer = history.invoice(invoiceNumber).getCustomer();
    task.setVariableLocal(ProcessVariables.Sheet.CUSTOMER_NAME, customer.getName());
    task.setVariableLocal(ProcessVariables.Sheet.CONTACT_NAME, customer.getContactName());
    task.setVariableLocal(LETTER_SUBJECT, letter.subject());
    task.setVariableLocal(LETTER_TEXT, letter.body());
    task.setVariableLocal(POSTAL_ADDRESS, customer.getPostalAddress().isEmpty()
        ? "No postal address on record: add it in the billing system before posting."
        : String.join(", ", customer.getPostalAddress()));
    task.setVariableLocal(LETTER_PDF, Variables.fileValue(
            "letter-" + invoiceNumber + "-" + details.number() + ".pdf")
        .file(pdf).mimeType("application/pdf").create());
    // Tasklist's own API serves the file to the signed-in clerk
    task.setVariableLocal(LETTER_PDF_LINK, "/camunda/api/engine/engine/default/task/" + task.getId()
        + "/localVariables/" + LETTER_PDF + "/data");
  }
}
