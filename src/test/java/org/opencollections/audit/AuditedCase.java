package org.opencollections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import java.time.Instant;
import java.time.LocalDate;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.http.HttpMethod;

/**
 * Drives one invoice through the lifecycle as people would, so the audit trail has every kind of
 * event to show: mails, calls, a promise made and broken, a credit hold placed and lifted, late
 * charges computed and one waived, the sales rep's report, the payment and the end of the case.
 */
abstract class AuditedCase extends IntegrationTest {

  static final String INVOICE = "AU-1001";
  static final String CUSTOMER = "C-AU-1001";

  void driveThroughTheLifecycle() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(post("/api/invoices", invoice(INVOICE)).status()).isEqualTo(201);
    time.runDueJobs();
    // the overdue notice and the first call, with the late charges of the second reminder
    time.travelTo(LocalDate.of(2026, 4, 8));
    time.travelTo(Instant.parse("2026-04-08T13:00:00Z"));
    assertThat(submitForm(TestUsers.CLERK, callTask(CUSTOMER),
        "{\"callOutcome\": {\"value\": \"NO_ANSWER\"}, \"callNote\": {\"value\": \"Voicemail, left a message\"}}")
        .status()).isEqualTo(204);
    time.travelTo(LocalDate.of(2026, 4, 9));
    time.travelTo(Instant.parse("2026-04-09T13:00:00Z"));
    assertThat(submitForm(TestUsers.CLERK, callTask(CUSTOMER), "{\"callOutcome\": {\"value\": \"PROMISED_TO_PAY\"},"
        + " \"promisedDate\": {\"value\": \"2026-04-20\"}, \"promisedAmount\": {\"value\": 1250},"
        + " \"callNote\": {\"value\": \"Will pay after their customer pays them\"}}").status()).isEqualTo(204);
    time.runDueJobs();
    // the promise is broken: credit hold and escalation; the sales rep reports back
    time.travelTo(LocalDate.of(2026, 4, 22));
    time.travelTo(Instant.parse("2026-04-22T14:00:00Z"));
    assertThat(submitForm(TestUsers.SALES_REP, openTask(INVOICE, "Task_SalesFollowUp"),
        "{\"salesOutcome\": {\"value\": \"WILL_PAY\"}, \"expectedPaymentDate\": {\"value\": \"2026-05-04\"},"
        + " \"salesNote\": {\"value\": \"Spoke to the CFO\"}}").status()).isEqualTo(204);
    time.runDueJobs();
    // 30 days overdue; a manager waives the interest; the money arrives
    time.travelTo(LocalDate.of(2026, 5, 1));
    time.travelTo(Instant.parse("2026-05-01T13:00:00Z"));
    var interest = get("/api/invoices/" + INVOICE + "/charges").body().get("charges").get(0);
    assertThat(interest.get("kind").asText()).isEqualTo("INTEREST");
    assertThat(call(TestUsers.MANAGER, HttpMethod.POST, "/api/invoices/" + INVOICE + "/charges/"
        + interest.get("id").asText() + "/waiver", "{\"reason\": \"Goodwill: first delay in ten years\"}")
        .status()).isEqualTo(200);
    time.travelTo(Instant.parse("2026-05-04T10:00:00Z"));
    assertThat(post("/api/payments", payment(INVOICE, "1250.00", "EUR", "2026-05-04", "BANK-AU-1")).status())
        .isEqualTo(201);
    time.runDueJobs();
  }
}
