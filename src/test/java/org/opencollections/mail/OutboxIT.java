package org.opencollections.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.dunning.DunningMail;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.MailServer;
import org.springframework.beans.factory.annotation.Autowired;

/** Every mail goes through the outbox: recorded first, sent once, never for a settled invoice. */
class OutboxIT extends IntegrationTest {

  @Autowired
  Outbox outbox;
  @Autowired
  Delivering delivering;
  @Autowired
  DunningMails mails;
  @Autowired
  ManagementService managementService;

  @BeforeEach
  void startOfMarch() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
  }

  private final List<String> invoices = new java.util.ArrayList<>();

  private void postInvoice(String number) {
    post("/api/invoices", invoice(number));
    invoices.add(number);
  }

  /** Ends this test's cases, so their later mails do not fail the next test while SMTP is down. */
  @AfterEach
  void smtpBackUpAndCasesClosed() {
    if (!MailServer.isRunning()) {
      MailServer.restart();
    }
    settleWhereOpen(invoices, "2026-07-01");
  }

  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;

  private List<Job> jobsOf(String invoiceNumber) {
    String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(invoiceNumber)
        .processDefinitionKey("invoiceCollection").singleResult().getId();
    return managementService.createJobQuery().processInstanceId(caseId).list();
  }

  @Test
  void aMailTheSmtpServerRefusedGoesOutOnceWhenItIsBack() {
    postInvoice("OB-1001");
    time.runDueJobs();
    MailServer.stop();

    assertThatThrownBy(() -> time.travelTo(LocalDate.of(2026, 3, 5)))
        .hasMessageContaining("The SMTP server did not take mail 'Did invoice OB-1001 reach you?' to Åsa Öberg")
        .hasMessageContaining("It waits in the outbox");

    OutboxMail waiting = outbox.findByMailKey("OB-1001/RECEIPT_CHECK").orElseThrow();
    assertThat(waiting.getStatus()).isEqualTo(OutboxMail.Status.PENDING);
    assertThat(waiting.getBody()).startsWith("Dear Åsa Öberg,");
    assertThat(waiting.getLastError()).contains("did not take mail");
    assertThat(contacts("OB-1001")).noneMatch(c -> c.get("kind").asText().equals("RECEIPT_CHECK"));
    Job retried = jobsOf("OB-1001").stream().filter(job -> job.getExceptionMessage() != null)
        .findFirst().orElseThrow();
    // tried once; 5 retries left over the next hour (failed-job-retry-time-cycle)
    assertThat(retried.getRetries()).isEqualTo(5);

    MailServer.restart();
    // the retry falls due (the engine's retry clock is the real one; Cockpit's Retry does the same)
    managementService.setJobDuedate(retried.getId(), Date.from(time.now()));
    time.runDueJobs();

    assertThat(subjects("OB-1001")).containsExactly("Did invoice OB-1001 reach you?");
    OutboxMail sent = outbox.findByMailKey("OB-1001/RECEIPT_CHECK").orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(OutboxMail.Status.SENT);
    assertThat(sent.getAttempts()).isEqualTo(2);
    assertThat(contacts("OB-1001")).filteredOn(c -> c.get("kind").asText().equals("RECEIPT_CHECK")).hasSize(1);

    // the same step once more (a retry after a crash past the send): nothing goes out again
    assertThat(mails.send("OB-1001", DunningMail.RECEIPT_CHECK)).isEmpty();
    assertThat(subjects("OB-1001")).hasSize(1);
  }

  @Test
  void aPaymentRecordedWhileTheMailIsRetriedMeansNoMail() {
    postInvoice("OB-2001");
    time.travelTo(LocalDate.of(2026, 3, 5));
    time.travelTo(LocalDate.of(2026, 3, 30));
    MailServer.stop();
    assertThatThrownBy(() -> time.travelTo(LocalDate.of(2026, 4, 6)))
        .hasMessageContaining("Invoice OB-2001 is past its due date");

    post("/api/payments", payment("OB-2001", "1250.00", "EUR", "2026-04-06", "BANK-OB-2001"));
    MailServer.restart();
    time.travelTo(LocalDate.of(2026, 4, 7));

    assertThat(subjects("OB-2001")).containsExactly("Thank you for your payment of invoice OB-2001");
    assertThat(outbox.findByMailKey("OB-2001/OVERDUE_NOTICE/1").orElseThrow().getStatus())
        .isEqualTo(OutboxMail.Status.PENDING);
  }

  @Test
  void aMailThatMayHaveGoneOutBeforeACrashIsNotSentAgain() {
    postInvoice("OB-3001");
    time.runDueJobs();
    // the node died while handing the receipt check to SMTP
    delivering.claim("OB-3001/RECEIPT_CHECK", "OB-3001", "RECEIPT_CHECK",
        new OutgoingMail(new OutgoingMail.Address("asa.oberg@oberg.example", "Åsa Öberg"), List.of(),
            "Did invoice OB-3001 reach you?", "Dear Åsa Öberg,"), "en");
    MailServer.clear();

    assertThatThrownBy(() -> time.travelTo(LocalDate.of(2026, 3, 5)))
        .hasMessageContaining("may have gone out already")
        .hasMessageContaining("it is not sent again");
    assertThat(subjects("OB-3001")).isEmpty();
  }
}
