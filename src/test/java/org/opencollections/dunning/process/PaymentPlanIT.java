package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.inCountry;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.MailServer.Mail;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A clerk sets up a payment plan with the form "Set up a payment plan" (over the REST API Tasklist
 * uses); the reminders pause, each instalment is reminded and checked, a missed one resumes them.
 */
class PaymentPlanIT extends IntegrationTest {

  @Autowired
  RuntimeService runtimeService;

  @BeforeEach
  void startOfMarch() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
  }

  /** The plan's start form as Tasklist submits it when the clerk leaves the business key empty. */
  private Answer submitPlan(String user, String invoiceNumber, String... dateAndAmount) {
    StringBuilder variables = new StringBuilder("{\"invoiceNumber\": {\"value\": \"" + invoiceNumber + "\"},"
        + " \"instalmentCount\": {\"value\": \"" + dateAndAmount.length / 2 + "\"},"
        + " \"planNote\": {\"value\": \"Agreed with Åsa on the phone\"}");
    for (int i = 0; i < dateAndAmount.length / 2; i++) {
      variables.append(", \"dueOn").append(i + 1).append("\": {\"value\": \"").append(dateAndAmount[2 * i])
          .append("\"}, \"amount").append(i + 1).append("\": {\"value\": \"").append(dateAndAmount[2 * i + 1])
          .append("\"}");
    }
    return call(user, HttpMethod.POST, "/engine-rest/process-definition/key/paymentPlan/submit-form",
        "{\"variables\": " + variables + "}}");
  }

  private boolean remindersPaused(String invoiceNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(invoiceNumber)
        .activityIdIn("Task_AwaitPaymentPlan").count() == 1;
  }

  /** An invoice of 1,500.00 due 1 April, its first reminder sent on 7 April (6 April is Easter Monday). */
  private void overdueInvoice(String number) {
    post("/api/invoices", inCountry(invoice(number, "1500.00", "EUR", "2026-03-02", "2026-04-01"), "en-SE"));
    time.travelTo(LocalDate.of(2026, 4, 7));
    assertThat(lastMail(number).subject()).isEqualTo("Invoice " + number + " is past its due date");
  }

  @Test
  void aPlanWhoseInstalmentsDoNotAddUpToTheBalanceIsRefused() {
    overdueInvoice("PP-1001");

    Answer refused = submitPlan(TestUsers.CLERK, "PP-1001", "2026-04-20", "500.00", "2026-05-20", "500.00",
        "2026-06-19", "400.00");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/message"))
        .isEqualTo("The instalments add up to 1400.00 EUR but the open balance is 1500.00 EUR."
            + " They must add up to the balance exactly.");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("paymentPlan")
        .variableValueEquals("invoiceNumber", "PP-1001").count()).isZero();
    // a sales rep cannot see the plan process at all
    assertThat(submitPlan(TestUsers.SALES_REP, "PP-1001", "2026-04-20", "750.00", "2026-05-20", "750.00")
        .status()).isEqualTo(404);
  }

  @Test
  void aPlanKeptPausesTheRemindersRemindsEachInstalmentAndSettlesTheInvoice() {
    overdueInvoice("PP-1002");
    Answer agreed = submitPlan(TestUsers.CLERK, "PP-1002", "2026-04-20", "500.00", "2026-05-20", "500.00",
        "2026-06-19", "500.00");
    assertThat(agreed.status()).isEqualTo(200);
    time.runDueJobs();
    assertThat(get("/api/invoices/PP-1002").text("/stage")).isEqualTo("PAYMENT_PLAN");
    Mail confirmation = lastMail("PP-1002");
    assertThat(confirmation.subject()).isEqualTo("Your payment plan for invoice PP-1002");
    assertThat(confirmation.body()).startsWith("Dear Åsa Öberg,")
        .contains("open amount of €1,500.00 for invoice PP-1002 in 3 instalments",
            "  1. April 20, 2026:  €500.00", "  3. June 19, 2026:  €500.00");

    // the call due on 8 April does not happen: the reminders wait for the plan
    time.travelTo(LocalDate.of(2026, 4, 8));
    assertThat(remindersPaused("PP-1002")).isTrue();
    assertThat(callTask("C-PP-1002")).isNull();

    time.travelTo(LocalDate.of(2026, 4, 17));
    Mail first = lastMail("PP-1002");
    assertThat(first.subject()).isEqualTo("Invoice PP-1002, instalment 1 of 3: €500.00 due on April 20, 2026");
    assertThat(first.body()).startsWith("Dear Åsa Öberg,").contains("3. June 19, 2026: €500.00");
    post("/api/payments", payment("PP-1002", "500.00", "EUR", "2026-04-20", "BANK-PP-1002-1"));
    time.travelTo(LocalDate.of(2026, 5, 18));
    assertThat(lastMail("PP-1002").subject()).isEqualTo("Invoice PP-1002, instalment 2 of 3: €500.00 due on May 20, 2026");
    post("/api/payments", payment("PP-1002", "500.00", "EUR", "2026-05-19", "BANK-PP-1002-2"));
    time.travelTo(LocalDate.of(2026, 6, 16));
    assertThat(lastMail("PP-1002").subject()).isEqualTo("Invoice PP-1002, instalment 3 of 3: €500.00 due on June 19, 2026");
    post("/api/payments", payment("PP-1002", "500.00", "EUR", "2026-06-18", "BANK-PP-1002-3"));
    time.runDueJobs();

    assertThat(get("/api/invoices/PP-1002").text("/status")).isEqualTo("PAID");
    assertThat(lastMail("PP-1002").subject()).startsWith("Thank you");
    assertThat(contacts("PP-1002")).extracting(c -> c.get("summary").asText())
        .anyMatch(s -> s.startsWith("Payment plan by clara: agreed"))
        .anyMatch(s -> s.startsWith("Payment plan by system: kept"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PP-1002").count()).isZero();
    // the plan's own process heard of the settlement too (its last instalment's check is days away)
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PaymentPlanProcess.PROCESS_KEY)
        .variableValueEquals(ProcessVariables.INVOICE_NUMBER, "PP-1002").count()).isZero();
  }

  @Test
  void aMissedInstalmentResumesTheRemindersWhereTheyStopped() {
    overdueInvoice("PP-1003");
    assertThat(submitPlan(TestUsers.MANAGER, "PP-1003", "2026-04-20", "750.00", "2026-05-20", "750.00")
        .status()).isEqualTo(200);
    time.runDueJobs();
    post("/api/payments", payment("PP-1003", "750.00", "EUR", "2026-04-20", "BANK-PP-1003-1"));
    time.travelTo(LocalDate.of(2026, 5, 21));
    assertThat(remindersPaused("PP-1003")).isTrue();

    // instalment 2 is checked 2 days after its date: missed
    time.travelTo(LocalDate.of(2026, 5, 22));

    assertThat(remindersPaused("PP-1003")).isFalse();
    assertThat(get("/api/invoices/PP-1003").text("/stage")).isEqualTo("PAYMENT_PLAN_MISSED");
    assertThat(contacts("PP-1003")).extracting(c -> c.get("summary").asText())
        .anyMatch(s -> s.startsWith("Payment plan by system: missed"));
    // paused from 7 April to 22 May (45 days): the call due 1 day after the first reminder is due
    // 45 days later, 23 May, a Saturday, so on Monday 25 May
    assertThat(callTask("C-PP-1003")).isNull();
    time.travelTo(LocalDate.of(2026, 5, 25));
    assertThat(callTask("C-PP-1003")).isNotNull();
  }
}
