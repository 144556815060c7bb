package org.opencollections.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.PageSession;
import org.opencollections.fixtures.Postgres;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lifecycle on PostgreSQL: the application with the {@code postgres} profile on a fresh
 * database of a real PostgreSQL server, driven over REST with the clock in the test's hand. An
 * invoice's mails reach the SMTP server, its call is worked, its payment settles the case; a second
 * customer's older invoice stays open after a partial payment. The history, the aging and the
 * other reports then read both back from PostgreSQL.
 */
@ActiveProfiles("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLifecycleIT extends IntegrationTest {

  private static final Postgres.Database DATABASE = Postgres.freshDatabase();

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine processEngine;
  @Autowired
  HistoryService historyService;
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    DATABASE.register(registry);
  }

  @BeforeAll
  void remindCallAndPay() {
    TestUsers.ensure(identityService);
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(post("/api/invoices", invoice("PG-1001")).status()).isEqualTo(201);
    assertThat(post("/api/invoices", invoice("PG-1002", "800.00", "EUR", "2026-02-02", "2026-03-04")).status())
        .isEqualTo(201);
    time.runDueJobs();
    assertThat(subjects("PG-1001")).containsExactly("Invoice PG-1001 from Northwind Supplies AB");

    time.travelTo(LocalDate.of(2026, 3, 5));
    time.travelTo(LocalDate.of(2026, 3, 30));
    time.travelTo(LocalDate.of(2026, 4, 6));
    assertThat(subjects("PG-1001")).containsExactly(
        "Invoice PG-1001 from Northwind Supplies AB",
        "Did invoice PG-1001 reach you?",
        "Friendly reminder: invoice PG-1001 is due on April 1, 2026",
        "Invoice PG-1001 is past its due date");

    time.travelTo(LocalDate.of(2026, 4, 8));
    time.travelTo(Instant.parse("2026-04-08T13:00:00Z"));
    assertThat(callTask("C-PG-1001").getName()).isEqualTo("Call the customer");
    assertThat(submitForm(TestUsers.CLERK, callTask("C-PG-1001"), "{\"callOutcome\": {\"value\": \"PROMISED_TO_PAY\"},"
        + " \"promisedDate\": {\"value\": \"2026-04-20\"}, \"promisedAmount\": {\"value\": 1250}}").status())
        .isEqualTo(204);
    time.runDueJobs();
    assertThat(callTask("C-PG-1001")).isNull();
    assertThat(get("/api/invoices/PG-1001").text("/stage")).isEqualTo("PROMISED_TO_PAY");

    time.travelTo(Instant.parse("2026-04-13T10:00:00Z"));
    Answer partial = post("/api/payments", payment("PG-1002", "300.00", "EUR", "2026-04-13", "BANK-PG-2"));
    assertThat(partial.status()).isEqualTo(201);
    assertThat(partial.text("/invoiceBalance")).isEqualTo("500.00");
    time.travelTo(Instant.parse("2026-04-15T10:00:00Z"));
    Answer paid = post("/api/payments", payment("PG-1001", "1250.00", "EUR", "2026-04-15", "BANK-PG-1"));
    assertThat(paid.status()).isEqualTo(201);
    assertThat(paid.text("/invoiceStatus")).isEqualTo("PAID");
    time.runDueJobs();
    // each test starts with an empty mailbox
    assertThat(lastMail("PG-1001").subject()).isEqualTo("Thank you for your payment of invoice PG-1001");
  }

  @Test
  void theApplicationRunsOnPostgresql() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 14.");
    assertThat(DATABASE.url()).endsWith("/" + jdbc.queryForObject("select current_database()", String.class));
    assertThat(processEngine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
  }

  @Test
  void thePaymentSettlesTheCase() {
    Answer settled = get("/api/invoices/PG-1001");
    assertThat(settled.text("/status")).isEqualTo("PAID");
    assertThat(settled.text("/stage")).isEqualTo("SETTLED");
    assertThat(settled.text("/balance")).isEqualTo("0.00");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("PG-1001")
        .singleResult().getState()).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select closed_on from invoice where invoice_number = 'PG-1001'",
        LocalDate.class)).isEqualTo(LocalDate.of(2026, 4, 15));
  }

  @Test
  void theHistoryListsEveryEventInOrder() {
    Answer history = call(TestUsers.AUDITOR, HttpMethod.GET, "/api/invoices/PG-1001/history", null);

    assertThat(history.status()).isEqualTo(200);
    assertThat(StreamSupport.stream(history.body().get("events").spliterator(), false)
        .map(PostgresLifecycleIT::line)).containsExactly(
        "2026-03-02T10:00:00Z Invoice registered / billing",
        "2026-03-02T10:00:00Z Case started / system",
        "2026-03-02T10:00:00Z Mail sent: Invoice / system",
        "2026-03-05T12:00:00Z Mail sent: Receipt check / system",
        "2026-03-30T12:00:00Z Mail sent: Pre due reminder / system",
        "2026-04-06T12:00:00Z Mail sent: Overdue notice / system",
        "2026-04-08T12:00:00Z Late charge computed: interest of 2.43 EUR with reminder 2 / system",
        "2026-04-08T12:00:00Z Late charge computed: compensation of 40.00 EUR with reminder 2 / system",
        "2026-04-08T13:00:00Z Call: promised to pay by 2026-04-20 / clara",
        "2026-04-08T13:00:00Z Mail sent: Promise confirmation / system",
        "2026-04-15T10:00:00Z Payment received: 1250.00 EUR / billing",
        "2026-04-15T10:00:00Z Mail sent: Thank you / system",
        "2026-04-15T10:00:00Z Case ended / system");
  }

  @Test
  void theAgingOfADayBeforeThePaymentsCountsWhatWasOwedThen() {
    Answer aging = call(TestUsers.AUDITOR, HttpMethod.GET, "/api/reports/aging?asOf=2026-04-10", null);

    assertThat(aging.status()).isEqualTo(200);
    // PG-1001 9 days past due (paid since), PG-1002 37 days past due (partly paid since)
    assertThat(agingLines(aging)).containsExactly(
        "C-PG-1001 EUR 1: 0.00 | 1250.00 | 0.00 | 0.00 | 0.00 = 1250.00",
        "C-PG-1002 EUR 1: 0.00 | 0.00 | 800.00 | 0.00 | 0.00 = 800.00");
    assertThat(aging.text("/totals/EUR/total")).isEqualTo("2050.00");
  }

  @Test
  void todaysAgingHasOnlyTheOpenBalance() {
    Answer aging = call(TestUsers.AUDITOR, HttpMethod.GET, "/api/reports/aging", null);

    assertThat(aging.text("/asOf")).isEqualTo("2026-04-15");
    assertThat(agingLines(aging)).containsExactly("C-PG-1002 EUR 1: 0.00 | 0.00 | 500.00 | 0.00 | 0.00 = 500.00");
  }

  /** Each line of the aging: customer, currency, invoices, the buckets from current to over 90 days, total. */
  private static List<String> agingLines(Answer aging) {
    return StreamSupport.stream(aging.body().get("lines").spliterator(), false)
        .map(line -> "%s %s %s: %s | %s | %s | %s | %s = %s".formatted(line.get("customerId").asText(),
            line.get("currency").asText(), line.get("invoices").asText(), line.get("current").asText(),
            line.get("days1To30").asText(), line.get("days31To60").asText(), line.get("days61To90").asText(),
            line.get("over90").asText(), line.get("total").asText()))
        .toList();
  }

  @Test
  void theDashboardAndThePaymentBehaviourHaveTheirFigures() {
    JsonNode dashboard = call(TestUsers.MANAGER, HttpMethod.GET, "/api/reports/dashboard", null).body();

    assertThat(dashboard.get("date").asText()).isEqualTo("2026-04-15");
    // 500.00 open: April's 15 days without sales, then 500 of March's 1250.00 sales, 12.4 of 31 days
    assertThat(dashboard.at("/dso/EUR/days").decimalValue()).isEqualByComparingTo("27.4");
    assertThat(dashboard.at("/overdueTrend/11/overdue/EUR").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(dashboard.at("/casesPerStage")).singleElement().satisfies(stage -> {
      assertThat(stage.get("stage").asText()).isEqualTo("CREDIT_HOLD");
      assertThat(stage.at("/openAmount/EUR").decimalValue()).isEqualByComparingTo("500.00");
    });
    assertThat(dashboard.at("/paymentsPerStage/0/stage").asText()).isEqualTo("PROMISED_TO_PAY");
    assertThat(dashboard.at("/paymentsPerStage/0/invoicesSettled").asLong()).isEqualTo(1);
    assertThat(dashboard.at("/paymentsPerStage/1/stage").asText()).isEqualTo("CREDIT_HOLD");
    assertThat(dashboard.at("/paymentsPerStage/1/amount/EUR").decimalValue()).isEqualByComparingTo("300.00");

    JsonNode behaviour = call(TestUsers.MANAGER, HttpMethod.GET,
        "/api/customers/C-PG-1001/payment-behaviour", null).body();
    // due on April 1, settled on April 15
    assertThat(behaviour.at("/last12Months/invoices").asLong()).isEqualTo(1);
    assertThat(behaviour.at("/last12Months/average").decimalValue()).isEqualByComparingTo("14.0");
  }

  @Test
  void theReportPagesFindInvoicesByTheCustomersNameInAnyCase() {
    PageSession auditor = PageSession.signIn(port, TestUsers.AUDITOR, TestUsers.PASSWORD);

    // the customer is Öberg Verktyg AB: the database lowercases the Ö
    assertThat(auditor.get("/reports?invoice=%C3%B6berg").body())
        .contains(">PG-1001</a>", ">PG-1002</a>");
    assertThat(auditor.get("/reports/customers?name=%C3%B6berg").body())
        .contains("C-PG-1001", "C-PG-1002");
    assertThat(auditor.get("/reports/customers/C-PG-1002").body()).contains("PG-1002", "500.00");
  }

  private static String line(JsonNode event) {
    return event.get("at").asText() + " " + event.get("title").asText() + " / " + event.get("actor").asText();
  }
}
