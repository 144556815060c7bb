package org.opencollections.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.inCountry;
import static org.opencollections.fixtures.Invoices.payment;
import static org.opencollections.fixtures.Invoices.withCustomerFields;
import static org.opencollections.fixtures.Invoices.withFields;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.Invoices;
import org.opencollections.fixtures.MailServer;
import org.opencollections.fixtures.MailServer.Mail;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Early-payment discounts and late charges end to end: invoices and payments over REST, the
 * dunning policy and the calendar deciding the reminders, mails at a real SMTP server.
 */
class MoneyRulesIT extends IntegrationTest {

  @Autowired
  ChargingLateFees charging;

  @BeforeEach
  void startOfMarch() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
  }

  /** An invoice issued 2 March, due 1 April 2026, to a Swedish customer, with extra fields. */
  private static String invoice(String number, String amount, String customerFields, String invoiceFields) {
    String invoice = inCountry(Invoices.invoice(number, amount, "EUR", "2026-03-02", "2026-04-01"), "en-SE");
    invoice = customerFields.isEmpty() ? invoice : withCustomerFields(invoice, customerFields);
    return invoiceFields.isEmpty() ? invoice : withFields(invoice, invoiceFields);
  }

  private static final String TWO_PERCENT_IN_TEN_DAYS =
      "\"earlyPaymentDiscount\": {\"percent\": 2, \"days\": 10}";

  private List<JsonNode> charges(String invoiceNumber) {
    return StreamSupport.stream(get("/api/invoices/" + invoiceNumber + "/charges").body().get("charges")
        .spliterator(), false).toList();
  }

  @Test
  void theDiscountedAmountPaidInTimeSettlesTheInvoice() {
    Answer created = post("/api/invoices", invoice("MR-1001", "1000.00", "", TWO_PERCENT_IN_TEN_DAYS));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("/earlyPaymentDiscount/deadline")).isEqualTo("2026-03-12");
    assertThat(created.text("/earlyPaymentDiscount/discountedAmount")).isEqualTo("980.00");
    time.runDueJobs();
    assertThat(lastMail("MR-1001").body())
        .contains("*** Early-payment discount: pay €980.00 by March 12, 2026 and save 2% (€20.00). ***");

    Answer paid = post("/api/payments", payment("MR-1001", "980.00", "EUR", "2026-03-12", "BANK-MR-1001"));

    assertThat(paid.status()).isEqualTo(201);
    Answer invoice = get("/api/invoices/MR-1001");
    assertThat(invoice.text("/status")).isEqualTo("PAID");
    assertThat(invoice.text("/balance")).isEqualTo("0.00");
    assertThat(invoice.text("/discountGranted")).isEqualTo("20.00");
    assertThat(contacts("MR-1001")).anySatisfy(contact -> assertThat(contact.get("summary").asText())
        .contains("discount of 20.00 EUR granted"));
    time.runDueJobs();
    assertThat(lastMail("MR-1001").subject()).startsWith("Thank you");
  }

  @Test
  void theDiscountedAmountPaidOneDayLateLeavesTheDiscountOpen() {
    post("/api/invoices", invoice("MR-1002", "1000.00", "", TWO_PERCENT_IN_TEN_DAYS));

    post("/api/payments", payment("MR-1002", "980.00", "EUR", "2026-03-13", "BANK-MR-1002"));

    Answer invoice = get("/api/invoices/MR-1002");
    assertThat(invoice.text("/status")).isEqualTo("OPEN");
    assertThat(invoice.text("/balance")).isEqualTo("20.00");
    assertThat(invoice.text("/discountGranted")).isEqualTo("0.00");
  }

  @Test
  void theCustomersStandingTermsApplyAndThePreDueReminderShowsThemWhileTheyLast() {
    // the customer's terms: 3% within 30 days of the invoice date, so until 1 April
    post("/api/invoices", invoice("MR-1003", "1000.00",
        "\"earlyPaymentDiscount\": {\"percent\": 3, \"days\": 30}", ""));
    time.runDueJobs();

    time.travelTo(LocalDate.of(2026, 3, 5));
    time.travelTo(LocalDate.of(2026, 3, 30));

    Mail reminder = lastMail("MR-1003");
    assertThat(reminder.subject()).startsWith("Friendly reminder");
    assertThat(reminder.body()).contains("pay €970.00 by April 1, 2026 and save 3% (€30.00)");
  }

  @Test
  void lateChargesAreClaimedOncePerReminderShownWithTheirComputationAndWaivable() {
    // a small amount: two reminders by mail, the second claims the charges
    post("/api/invoices", invoice("MR-1004", "45.00", "\"reminderFeesAgreed\": true", ""));
    time.runDueJobs();

    time.travelTo(LocalDate.of(2026, 3, 5));
    time.travelTo(LocalDate.of(2026, 3, 30));
    // 5 days after the due date is Easter Monday, a holiday in Sweden: the reminder waits a day
    time.travelTo(LocalDate.of(2026, 4, 6));
    assertThat(lastMail("MR-1004").subject()).startsWith("Friendly reminder");
    time.travelTo(LocalDate.of(2026, 4, 7));
    assertThat(lastMail("MR-1004").subject()).isEqualTo("Invoice MR-1004 is past its due date");
    assertThat(lastMail("MR-1004").body()).doesNotContain("Late-payment charges");
    assertThat(charges("MR-1004")).isEmpty();

    time.travelTo(LocalDate.of(2026, 4, 13));

    // the last reminder of the policy, then the sales rep
    assertThat(subjects("MR-1004")).endsWith("Final reminder: invoice MR-1004 is 12 days overdue",
        "Öberg Verktyg AB: invoice MR-1004 is 12 days overdue");
    Mail last = MailServer.mailsAbout("MR-1004").stream()
        .filter(mail -> mail.subject().startsWith("Final reminder")).findFirst().orElseThrow();
    // 45.00 x 10.15% x 12 / 365 = 0.1502 -> 0.15; EUR 40 once; the reminder fee the contract allows
    assertThat(last.body()).contains(
        "€0.15  Interest on late payment until April 13, 2026",
        "  - 10.15% a year (reference rate 2.15% + 8 points) on €45.00 from Apr 2, 2026 to Apr 13, 2026,"
            + " 12 of 365 days: €0.15",
        "€40.00  Fixed compensation for recovery costs (Directive 2011/7/EU, Art. 6)",
        "€5.00  Reminder fee for reminder 2",
        "Charges:         €45.15",
        "Total now due:   €90.15");
    assertThat(charges("MR-1004")).extracting(c -> c.get("kind").asText())
        .containsExactlyInAnyOrder("INTEREST", "COMPENSATION", "REMINDER_FEE");

    // the same reminder charged again (a retried job) claims nothing more
    assertThat(charging.charge("MR-1004", 2, true).newCharges()).isEmpty();
    assertThat(charges("MR-1004")).hasSize(3);

    long fee = charges("MR-1004").stream().filter(c -> c.get("kind").asText().equals("REMINDER_FEE"))
        .findFirst().orElseThrow().get("id").asLong();
    String waiver = "/api/invoices/MR-1004/charges/" + fee + "/waiver";
    assertThat(call(TestUsers.CLERK, HttpMethod.POST, waiver, "{\"reason\": \"Goodwill\"}").status())
        .isEqualTo(403);
    assertThat(call(TestUsers.MANAGER, HttpMethod.POST, waiver, "{\"reason\": \" \"}").status())
        .isEqualTo(400);
    Answer waived = call(TestUsers.MANAGER, HttpMethod.POST, waiver,
        "{\"reason\": \"Long-standing customer, first late payment\"}");
    assertThat(waived.status()).isEqualTo(200);
    assertThat(waived.text("/waivedBy")).isEqualTo(TestUsers.MANAGER);
    assertThat(call(TestUsers.MANAGER, HttpMethod.POST, waiver, "{\"reason\": \"again\"}").status())
        .isEqualTo(409);

    Answer statement = get("/api/invoices/MR-1004/charges");
    assertThat(statement.text("/owed")).isEqualTo("40.15");
    assertThat(statement.body().get("charges")).anySatisfy(c -> {
      assertThat(c.get("kind").asText()).isEqualTo("REMINDER_FEE");
      assertThat(c.get("waiveReason").asText()).isEqualTo("Long-standing customer, first late payment");
    });
  }

  @Test
  void consumersAreNotChargedBusinessInterestOrCompensation() {
    post("/api/invoices", invoice("MR-1005", "300.00", "\"segment\": \"consumer\"", ""));
    time.runDueJobs();

    // consumers: reminder 1 after 5 days (Easter Monday, so the 7th), reminder 2 after 14 days
    time.travelTo(LocalDate.of(2026, 4, 15));

    assertThat(lastMail("MR-1005").subject()).startsWith("Second reminder");
    assertThat(lastMail("MR-1005").body()).doesNotContain("Late-payment charges")
        .contains("we can split it into instalments");
    assertThat(charges("MR-1005")).isEmpty();
  }
}
