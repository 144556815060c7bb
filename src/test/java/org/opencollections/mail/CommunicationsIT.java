package org.opencollections.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.inCountry;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.withCustomerFields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.MailServer;
import org.opencollections.fixtures.MailServer.Mail;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What the customer receives, through a real SMTP server: the mail in the customer's language as
 * text and HTML, the invoice copy attached as a PDF, the promise mails, the letter to post.
 */
class CommunicationsIT extends IntegrationTest {

  @Autowired
  Outbox outbox;

  @BeforeEach
  void startOfMarch() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static Mail mailWithSubject(String invoiceNumber, String subject) {
    // a promise's mails name the amount and date in the subject, the invoices in the body
    List<Mail> matching = MailServer.mails().stream()
        .filter(mail -> mail.subject().equals(subject) && (mail.subject() + mail.body()).contains(invoiceNumber))
        .toList();
    assertThat(matching).as("mails '%s'", subject).hasSize(1);
    return matching.get(0);
  }

  @Test
  void aGermanCustomerGetsTheReminderInGermanAsTextAndHtmlWithTheInvoiceCopy() throws Exception {
    post("/api/invoices", inCountry(invoice("CM-1001"), "de-DE"));
    time.runDueJobs();
    assertThat(MailServer.mailsAbout("CM-1001")).extracting(Mail::subject)
        .containsExactly("Rechnung CM-1001 von Northwind Supplies AB");

    // due 1 April; 6 April is Easter Monday in Germany: the reminder goes out on the 7th
    time.travelTo(LocalDate.of(2026, 4, 7));

    Mail reminder = mailWithSubject("CM-1001", "Zahlungserinnerung zur Rechnung CM-1001");
    assertThat(reminder.to()).containsExactly("Åsa Öberg <asa.oberg@oberg.example>");
    assertThat(reminder.body()).startsWith("Guten Tag Åsa Öberg,")
        .contains("1.250,00\u00a0€", "1. April 2026", "SE45 5000 0000 0583 9825 7466",
            "https://pay.northwind.example/invoices/CM-1001");
    assertThat(reminder.html()).contains("<html lang=\"de\">", "Guten Tag Åsa Öberg,",
        "<th>Offener Betrag:</th><td>1.250,00\u00a0€</td>",
        "<a href=\"https://pay.northwind.example/invoices/CM-1001\">");

    assertThat(reminder.attachments()).singleElement().satisfies(copy -> {
      assertThat(copy.fileName()).isEqualTo("invoice-CM-1001.pdf");
      assertThat(copy.contentType()).startsWith("application/pdf");
      assertThat(text(copy.content())).contains("Rechnung CM-1001 (Kopie)", "Öberg Verktyg AB",
          "1.250,00\u00a0€", "2. März 2026", "1. April 2026");
    });

    OutboxMail recorded = outbox.findByMailKey("CM-1001/OVERDUE_NOTICE/1").orElseThrow();
    assertThat(recorded.getStatus()).isEqualTo(OutboxMail.Status.SENT);
    assertThat(recorded.getLanguage()).isEqualTo("de");
    assertThat(recorded.getAttachments()).isEqualTo("invoice-CM-1001.pdf");
    assertThat(recorded.getHtmlBody()).contains("Guten Tag Åsa Öberg,");
    // the mails before the due date carry no attachment
    assertThat(mailWithSubject("CM-1001", "Rechnung CM-1001 von Northwind Supplies AB").attachments()).isEmpty();
  }

  @Test
  void aPromiseIsConfirmedAtOnceAndABrokenOneToldWithTheInvoiceCopy() {
    post("/api/invoices", invoice("CM-2001"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    Task call = callTask("C-CM-2001");
    assertThat(submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"PROMISED_TO_PAY\"},"
        + " \"promisedDate\": {\"value\": \"2026-04-20\"}, \"promisedAmount\": {\"value\": 1250}}").status())
        .isEqualTo(204);
    time.runDueJobs();

    Mail confirmation = mailWithSubject("CM-2001", "Thank you: your payment of €1,250.00 by April 20, 2026");
    assertThat(confirmation.body()).startsWith("Dear Åsa Öberg,")
        .contains("  - Invoice CM-2001, due on April 1, 2026: €1,250.00 open",
            "Until that date you will receive no further reminders about these invoices.");
    assertThat(confirmation.attachments()).isEmpty();

    // nothing arrives: two days after the promised date the customer hears it, on credit hold
    time.travelTo(LocalDate.of(2026, 4, 23));
    Mail broken = mailWithSubject("CM-2001",
        "Invoice CM-2001: the payment promised for April 20, 2026 has not arrived");
    assertThat(broken.body()).contains("On April 8, 2026 you agreed to pay €1,250.00 by April 20, 2026.",
        "we have therefore put your account on credit hold", "A copy of the invoice is attached.");
    assertThat(broken.attachments()).extracting(MailServer.Attachment::fileName)
        .containsExactly("invoice-CM-2001.pdf");
    assertThat(contacts("CM-2001")).extracting(contact -> contact.get("kind").asText())
        .contains("PROMISE_CONFIRMATION", "BROKEN_PROMISE");
  }

  @Test
  void aPaperReminderIsAPrintReadyLetterOnTheClerksTask() throws Exception {
    post("/api/invoices", withCustomerFields(inCountry(invoice("CM-3001"), "it-IT"),
        "\"segment\": \"public sector\", \"postalAddress\": [\"Comune di Verona\", \"Piazza Bra 1\", \"37121 Verona VR\"]"));
    // public bodies: a mail and a letter 10 days after the due date (11 April is a Saturday)
    time.travelTo(LocalDate.of(2026, 4, 13));

    Task post = openTask("CM-3001", "Task_PostReminder");
    assertThat(post).isNotNull();
    assertThat(taskService.getVariableLocal(post.getId(), "letterPdfLink"))
        .isEqualTo("/camunda/api/engine/engine/default/task/" + post.getId() + "/localVariables/letterPdf/data");
    assertThat(taskService.getVariableLocal(post.getId(), "postalAddress"))
        .isEqualTo("Comune di Verona, Piazza Bra 1, 37121 Verona VR");

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(TestUsers.CLERK, TestUsers.PASSWORD);
    ResponseEntity<byte[]> pdf = rest.exchange("/engine-rest/task/" + post.getId() + "/localVariables/letterPdf/data",
        HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType().toString()).startsWith("application/pdf");
    assertThat(text(pdf.getBody())).contains("La fattura n. CM-3001 risulta scaduta", "Gentile Åsa Öberg",
        "Piazza Bra 1", "37121 Verona VR", "1.250,00\u00a0€");
    // the same reminder went out by mail too, in Italian
    assertThat(mailWithSubject("CM-3001", "La fattura n. CM-3001 risulta scaduta").body())
        .startsWith("Gentile Åsa Öberg,");
  }

  @Test
  void namesWithMarkupAreShownAsTextAndLineBreaksNeverReachAHeader() {
    String marked = invoice("CM-4001").replace("\"contactName\": \"Åsa Öberg\"",
        "\"contactName\": \"Åsa <script>alert(1)</script> Öberg\"");
    post("/api/invoices", marked);
    time.runDueJobs();

    Mail mail = mailWithSubject("CM-4001", "Invoice CM-4001 from Northwind Supplies AB");
    assertThat(mail.body()).startsWith("Dear Åsa <script>alert(1)</script> Öberg,");
    assertThat(mail.html()).contains("Dear Åsa &lt;script&gt;alert(1)&lt;/script&gt; Öberg,")
        .doesNotContain("<script>");

    // a name that would add a header is refused before anything is stored
    String injected = invoice("CM-4002").replace("\"contactName\": \"Åsa Öberg\"",
        "\"contactName\": \"Åsa\\r\\nBcc: everyone@example.com\"");
    assertThat(post("/api/invoices", injected).status()).isEqualTo(400);
    assertThat(get("/api/invoices/CM-4002").status()).isEqualTo(404);
  }
}
