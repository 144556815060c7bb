package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.dunning.DunningStage;
import org.opencollections.fixtures.Browser;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.Ledger;
import org.opencollections.fixtures.PageSession;
import org.opencollections.fixtures.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard and the customer pages on a ledger with known answers, on 31 March 2026: the
 * worked DSO example of docs/dashboard.md in EUR, a customer who lately pays much later in SEK, a
 * punctual one, payments at every stage and promises kept, broken and pending.
 */
class DashboardIT extends IntegrationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 31);
  private static boolean written;

  @Autowired
  private JdbcTemplate jdbc;
  @LocalServerPort
  private int port;

  @BeforeEach
  void ledgerAndClock() {
    time.setNow(Instant.parse("2026-03-31T12:00:00Z"));
    if (written) {
      return;
    }
    written = true;
    Ledger ledger = new Ledger(jdbc);
    ledger.customer("C-ACME", "Acme Tools AB").country("C-ACME", "SE")
        .customer("C-LATE", "Lagom Logistik AB").country("C-LATE", "SE")
        .customer("C-GOOD", "Gut Waren GmbH").country("C-GOOD", "DE")
        .customer("C-NEW", "Nova Parts Oy");

    // EUR: sales of 9,000 in January, 12,000 in February and 10,000 in March; 25,000 open.
    ledger.invoice("A-0", "C-ACME", "2000.00", "EUR", day("2025-10-01"), day("2025-10-31"))
        .stage("A-0", DunningStage.FINAL_NOTICE_SENT).payment("PA-0", "A-0", "2000.00", day("2026-01-20"))
        .invoice("A-1", "C-ACME", "9000.00", "EUR", day("2026-01-10"), day("2026-02-09"))
        .stage("A-1", DunningStage.OVERDUE_NOTICE_SENT)
        .invoice("A-2", "C-ACME", "12000.00", "EUR", day("2026-02-05"), day("2026-03-07"))
        .stage("A-2", DunningStage.OVERDUE_NOTICE_SENT).payment("PA-2", "A-2", "6000.00", day("2026-03-10"))
        .stage("A-2", DunningStage.CALL_DUE)
        .invoice("A-3", "C-ACME", "4000.00", "EUR", day("2026-03-02"), day("2026-04-01"))
        .invoice("A-4", "C-ACME", "6000.00", "EUR", day("2026-03-05"), day("2026-03-20"))
        .stage("A-4", DunningStage.OVERDUE_NOTICE_SENT)
        .invoice("A-5", "C-ACME", "1000.00", "EUR", day("2026-03-10"), day("2026-04-09"))
        .cancel("A-5", day("2026-03-15"))
        .creditHold("C-ACME", Instant.parse("2026-03-02T06:00:00Z"), "Promise to pay broken", "A-1");

    // SEK: about 5 days late for 9 months, then about 24.
    lateInvoice(ledger, "L-1", "2025-05-15", "2025-05-20", DunningStage.OVERDUE_NOTICE_SENT);
    lateInvoice(ledger, "L-2", "2025-07-15", "2025-07-19", DunningStage.OVERDUE_NOTICE_SENT);
    lateInvoice(ledger, "L-3", "2025-09-15", "2025-09-21", DunningStage.OVERDUE_NOTICE_SENT);
    lateInvoice(ledger, "L-4", "2025-11-14", "2025-11-19", DunningStage.OVERDUE_NOTICE_SENT);
    lateInvoice(ledger, "L-5", "2026-01-10", "2026-02-01", DunningStage.SECOND_OVERDUE_NOTICE_SENT);
    ledger.invoice("L-6", "C-LATE", "10000.00", "SEK", day("2026-01-11"), day("2026-02-10"))
        .stage("L-6", DunningStage.OVERDUE_NOTICE_SENT).payment("PL-6a", "L-6", "4000.00", day("2026-02-20"))
        .stage("L-6", DunningStage.CALL_DUE).payment("PL-6b", "L-6", "6000.00", day("2026-03-06"));
    lateInvoice(ledger, "L-7", "2026-03-01", "2026-03-27", DunningStage.FINAL_NOTICE_SENT);
    ledger.invoice("L-8", "C-LATE", "10000.00", "SEK", day("2026-03-10"), day("2026-04-09"))
        .stage("L-8", DunningStage.RECEIPT_CHECK_SENT);

    // SEK: a punctual payer, with a payment before the period and one without a recorded stage.
    goodInvoice(ledger, "G-P", "2025-03-03", "2025-03-20", DunningStage.REMINDER_POSTED);
    goodInvoice(ledger, "G-0", "2025-03-31", "2025-04-15", DunningStage.OVERDUE_NOTICE_SENT);
    ledger.stageNotRecorded("PG-0");
    goodInvoice(ledger, "G-3", "2025-06-30", "2025-07-02", DunningStage.OVERDUE_NOTICE_SENT);
    goodInvoice(ledger, "G-1", "2026-02-15", "2026-02-10", DunningStage.PRE_DUE_REMINDER_SENT);
    goodInvoice(ledger, "G-2", "2026-03-15", "2026-03-15", DunningStage.INVOICE_SENT);

    // Promises: kept L-5, L-6, G-1; broken A-1, A-2 (an earlier one); pending A-2 again and A-4,
    // whose check comes after the day. L-1's check was before the period; G-2 was paid.
    ledger.contact("L-1", Instant.parse("2025-03-15T06:00:00Z"), "DECISION", "PROMISE", "KEPT");
    promise(ledger, "L-5", "2026-01-20", "2026-02-03", "KEPT");
    promise(ledger, "L-6", "2026-02-25", "2026-03-08", "KEPT");
    promise(ledger, "G-1", "2026-02-05", "2026-02-12", "KEPT");
    promise(ledger, "A-1", "2026-02-20", "2026-03-02", "BROKEN");
    promise(ledger, "A-2", "2026-03-12", "2026-03-20", "BROKEN");
    promise(ledger, "A-4", "2026-03-28", "2026-04-02", "BROKEN");
    ledger.contact("A-2", Instant.parse("2026-03-25T10:00:00Z"), "PHONE", "CALL", "PROMISED_TO_PAY")
        .contact("G-2", Instant.parse("2026-03-10T10:00:00Z"), "PHONE", "CALL", "PROMISED_TO_PAY");
  }

  private static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  private static void lateInvoice(Ledger ledger, String number, String due, String paid,
      DunningStage stage) {
    ledger.invoice(number, "C-LATE", "10000.00", "SEK", day(due).minusDays(30), day(due))
        .stage(number, stage).payment("P" + number, number, "10000.00", day(paid));
  }

  private static void goodInvoice(Ledger ledger, String number, String due, String paid,
      DunningStage stage) {
    ledger.invoice(number, "C-GOOD", "5000.00", "SEK", day(due).minusDays(30), day(due))
        .stage(number, stage).payment("P" + number, number, "5000.00", day(paid));
  }

  private static void promise(Ledger ledger, String invoice, String called, String checked,
      String outcome) {
    ledger.contact(invoice, Instant.parse(called + "T10:00:00Z"), "PHONE", "CALL", "PROMISED_TO_PAY")
        .contact(invoice, Instant.parse(checked + "T06:00:00Z"), "DECISION", "PROMISE", outcome);
  }

  private Answer dashboard(String query) {
    return call(TestUsers.AUDITOR, HttpMethod.GET, "/api/reports/dashboard" + query, null);
  }

  private static JsonNode stage(JsonNode rows, String stage) {
    for (JsonNode row : rows) {
      if (row.get("stage").asText().equals(stage)) {
        return row;
      }
    }
    throw new AssertionError("No row for " + stage + " in " + rows);
  }

  @Test
  void daysSalesOutstandingCountsBackThroughTheMonths() {
    JsonNode dso = dashboard("?date=2026-03-31").body().get("dso");

    assertThat(dso.at("/EUR/balance").decimalValue()).isEqualByComparingTo("25000.00");
    assertThat(dso.at("/EUR/days").decimalValue()).isEqualByComparingTo("69.3");
    assertThat(dso.at("/EUR/beyondWindow").asBoolean()).isFalse();
    List<String> months = new ArrayList<>();
    dso.at("/EUR/months").forEach(month -> months.add(month.get("month").asText() + " "
        + month.get("sales").decimalValue().toPlainString() + " " + month.get("daysCounted").asText()));
    assertThat(months).containsExactly("2026-03 10000.00 31.0", "2026-02 12000.00 28.0",
        "2026-01 9000.00 10.3");
    // SEK: the balance is exactly March's sales.
    assertThat(dso.at("/SEK/days").decimalValue()).isEqualByComparingTo("31.0");
  }

  @Test
  void theOverdueTrendHasEachMonthEndAndTheDay() {
    JsonNode trend = dashboard("?date=2026-03-31").body().get("overdueTrend");

    List<String> eur = new ArrayList<>();
    trend.forEach(point -> eur.add(point.get("date").asText() + " "
        + point.at("/overdue/EUR").decimalValue().toPlainString()));
    assertThat(eur).containsExactly("2025-03-31 0.00", "2025-04-30 0.00", "2025-05-31 0.00",
        "2025-06-30 0.00", "2025-07-31 0.00", "2025-08-31 0.00", "2025-09-30 0.00",
        "2025-10-31 0.00", "2025-11-30 2000.00", "2025-12-31 2000.00", "2026-01-31 0.00",
        "2026-02-28 9000.00", "2026-03-31 21000.00");
  }

  @Test
  void casesPerStageCountTheOpenInvoicesInDunningOrder() {
    JsonNode stages = dashboard("").body().get("casesPerStage");

    List<String> rows = new ArrayList<>();
    stages.forEach(row -> rows.add(row.get("stage").asText() + " " + row.get("invoices").asLong()));
    assertThat(rows).containsExactly("INVOICE_SENT 1", "RECEIPT_CHECK_SENT 1",
        "OVERDUE_NOTICE_SENT 2", "CALL_DUE 1");
    assertThat(stage(stages, "OVERDUE_NOTICE_SENT").at("/openAmount/EUR").decimalValue())
        .isEqualByComparingTo("15000.00");
    assertThat(stage(stages, "RECEIPT_CHECK_SENT").at("/openAmount/SEK").decimalValue())
        .isEqualByComparingTo("10000.00");
    assertThat(stage(stages, "OVERDUE_NOTICE_SENT").get("label").asText()).isEqualTo("Overdue notice sent");
  }

  @Test
  void paymentsPerStageShowWhichRemindersWork() {
    JsonNode payments = dashboard("?date=2026-03-31").body().get("paymentsPerStage");

    List<String> rows = new ArrayList<>();
    payments.forEach(row -> rows.add(row.get("stage").asText() + " " + row.get("payments").asLong()
        + " " + row.get("invoicesSettled").asLong()));
    assertThat(rows).containsExactly("INVOICE_SENT 1 1", "PRE_DUE_REMINDER_SENT 1 1",
        "OVERDUE_NOTICE_SENT 7 5", "CALL_DUE 1 1", "SECOND_OVERDUE_NOTICE_SENT 1 1",
        "FINAL_NOTICE_SENT 2 2", "NOT_RECORDED 1 1");
    JsonNode overdueNotice = stage(payments, "OVERDUE_NOTICE_SENT");
    assertThat(overdueNotice.at("/amount/SEK").decimalValue()).isEqualByComparingTo("49000.00");
    assertThat(overdueNotice.at("/amount/EUR").decimalValue()).isEqualByComparingTo("6000.00");
    assertThat(stage(payments, "NOT_RECORDED").get("label").asText()).isEqualTo("Not recorded");
  }

  @Test
  void aShorterPeriodCountsFewerPayments() {
    Answer answer = dashboard("?date=2026-03-31&from=2026-03-01");

    assertThat(answer.text("/from")).isEqualTo("2026-03-01");
    List<String> rows = new ArrayList<>();
    answer.body().get("paymentsPerStage").forEach(row -> rows.add(row.get("stage").asText() + " "
        + row.get("payments").asLong() + " " + row.get("invoicesSettled").asLong()));
    assertThat(rows).containsExactly("INVOICE_SENT 1 1", "OVERDUE_NOTICE_SENT 1 0", "CALL_DUE 1 1",
        "FINAL_NOTICE_SENT 1 1");
  }

  @Test
  void promisesKeptOfThoseCheckedAndThoseStillPending() {
    JsonNode promises = dashboard("?date=2026-03-31").body().get("promises");

    assertThat(promises.get("kept").asLong()).isEqualTo(3);
    assertThat(promises.get("broken").asLong()).isEqualTo(2);
    assertThat(promises.get("keptPercent").decimalValue()).isEqualByComparingTo("60.0");
    assertThat(promises.get("pending").asLong()).isEqualTo(2);
  }

  @Test
  void theDashboardDefaultsToTodayAndTheTwelveMonthsBefore() {
    Answer answer = dashboard("");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("/date")).isEqualTo("2026-03-31");
    assertThat(answer.text("/from")).isEqualTo("2025-04-01");
  }

  @Test
  void theJsonAnswersOnlyWithCredentialsAndValidDates() {
    assertThat(call(null, HttpMethod.GET, "/api/reports/dashboard", null).status()).isEqualTo(401);
    assertThat(call(null, HttpMethod.GET, "/api/customers/C-LATE/payment-behaviour", null).status())
        .isEqualTo(401);

    Answer badDate = dashboard("?date=31.03.2026");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.text("/title")).isEqualTo("Invalid request");
    assertThat(badDate.text("/detail")).isEqualTo("date must be a date (YYYY-MM-DD)");
    assertThat(badDate.text("/errors/0/field")).isEqualTo("date");

    assertThat(dashboard("?date=2026-03-31&from=2026-04-01").status()).isEqualTo(400);
    assertThat(call(TestUsers.CLERK, HttpMethod.GET,
        "/api/customers/C-LATE/payment-behaviour?date=yesterday", null).status()).isEqualTo(400);
  }

  @Test
  void aCustomerWhoSuddenlyPaysLaterIsFlagged() {
    Answer answer = call(TestUsers.SALES_REP, HttpMethod.GET, "/api/customers/C-LATE/payment-behaviour", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("/asOf")).isEqualTo("2026-03-31");
    assertThat(answer.body().at("/last6Months/average").decimalValue()).isEqualByComparingTo("19.3");
    assertThat(answer.body().at("/last12Months/average").decimalValue()).isEqualByComparingTo("13.1");
    assertThat(answer.body().at("/last12Months/invoices").asInt()).isEqualTo(7);
    assertThat(answer.body().at("/change/flagged").asBoolean()).isTrue();
    assertThat(answer.text("/change/explanation")).isEqualTo("Paid 24 days late on average in the"
        + " last 3 months (3 invoices), against 5 in the 9 months before (4 invoices).");
    JsonNode march = answer.body().at("/trend/11");
    assertThat(march.get("month").asText()).isEqualTo("2026-03");
    assertThat(march.at("/daysLate/invoices").asInt()).isEqualTo(2);
    assertThat(march.at("/daysLate/average").decimalValue()).isEqualByComparingTo("25.0");
  }

  @Test
  void aPunctualPayerWithFewInvoicesIsNotFlagged() {
    Answer answer = call(TestUsers.CLERK, HttpMethod.GET, "/api/customers/C-GOOD/payment-behaviour", null);

    assertThat(answer.body().at("/last12Months/average").decimalValue()).isEqualByComparingTo("4.3");
    assertThat(answer.body().at("/change/flagged").asBoolean()).isFalse();
    assertThat(answer.text("/change/verdict")).isEqualTo("TOO_FEW_INVOICES");
  }

  @Test
  void anUnknownCustomerIsNotFound() {
    Answer answer = call(TestUsers.CLERK, HttpMethod.GET, "/api/customers/NOPE/payment-behaviour", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.text("/title")).isEqualTo("Not found");
  }

  // --- the pages, signed in through the form as a person would ---

  /** A client that shows redirects rather than following them, as the sign-in answers with one. */
  private TestRestTemplate browserLike() {
    return rest.withRedirects(Redirects.DONT_FOLLOW);
  }

  private PageSession signIn(String user) {
    return PageSession.signIn(port, user, TestUsers.PASSWORD);
  }

  /** The text of the element marked {@code data-test="key"}. */
  private static String shown(String html, String key) {
    Matcher matcher = Pattern.compile("data-test=\"" + Pattern.quote(key) + "\"[^>]*>([^<]*)<").matcher(html);
    assertThat(matcher.find()).as("an element marked " + key).isTrue();
    return matcher.group(1).strip();
  }

  /** The pages change nothing: the only form that posts is signing out. */
  private static void readOnly(String html) {
    assertThat(Pattern.compile("method=\"post\"", Pattern.CASE_INSENSITIVE).matcher(html).results().count())
        .isEqualTo(1);
    assertThat(html).contains("action=\"/reports/logout\" method=\"post\"");
  }

  @Test
  void theDashboardPageShowsTheFiguresInTablesAndCharts() {
    PageSession session = signIn(TestUsers.CLERK);

    HttpResponse<String> response = session.get("/reports/dashboard?date=2026-03-31");

    assertThat(response.statusCode()).isEqualTo(200);
    String html = response.body();
    assertThat(shown(html, "dso-EUR")).isEqualTo("69.3");
    assertThat(shown(html, "dso-SEK")).isEqualTo("31.0");
    assertThat(shown(html, "overdue-2026-02-28-EUR")).isEqualTo("9,000.00");
    assertThat(shown(html, "overdue-2026-03-31-EUR")).isEqualTo("21,000.00");
    assertThat(shown(html, "cases-OVERDUE_NOTICE_SENT")).isEqualTo("2");
    assertThat(shown(html, "payments-OVERDUE_NOTICE_SENT")).isEqualTo("7");
    assertThat(shown(html, "settled-OVERDUE_NOTICE_SENT")).isEqualTo("5");
    assertThat(shown(html, "payments-NOT_RECORDED")).isEqualTo("1");
    assertThat(shown(html, "kept-percent")).isEqualTo("60.0 %");
    assertThat(shown(html, "promises-pending")).isEqualTo("2");
    assertThat(html).contains("Not recorded", "EUR 15,000.00", "SEK 49,000.00",
        "<canvas data-chart=\"overdue\"");
    assertThat(html).containsPattern("<script src=\"/webjars/chart.js/[0-9.]+/dist/chart.umd.js\">");
    readOnly(html);
  }

  @Test
  void theDashboardPageSaysWhatIsWrongWithADate() {
    HttpResponse<String> response = signIn(TestUsers.MANAGER).get("/reports/dashboard?date=tomorrow");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(shown(response.body(), "error")).isEqualTo("date must be a date (YYYY-MM-DD)");
  }

  @Test
  void thePagesNeedASignedInPerson() {
    ResponseEntity<String> response = browserLike().getForEntity("/reports/dashboard", String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(302);
    assertThat(response.getHeaders().getLocation()).hasPath("/reports/login");
  }

  @Test
  void chartJsAndTheChartScriptAreServed() {
    ResponseEntity<String> chartJs = rest.getForEntity("/webjars/chart.js/dist/chart.umd.js", String.class);
    ResponseEntity<String> charts = rest.getForEntity("/reports/assets/charts.js", String.class);

    assertThat(chartJs.getStatusCode().value()).isEqualTo(200);
    assertThat(chartJs.getBody()).contains("Chart.js v4.5.1");
    assertThat(charts.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theCustomerListShowsWhatEachOwesAndHowEachPays() {
    PageSession session = signIn(TestUsers.SALES_REP);

    String html = session.get("/reports/customers").body();

    assertThat(html).containsSubsequence("Acme Tools AB", "Gut Waren GmbH", "Lagom Logistik AB", "Nova Parts Oy");
    assertThat(shown(html, "open-C-ACME")).isEqualTo("4");
    assertThat(html).contains("EUR 25,000.00");
    assertThat(html).containsPattern("data-test=\"credit-C-ACME\"><span class=\"tag bad\">On hold");
    assertThat(html).containsPattern("data-test=\"credit-C-LATE\"><span class=\"tag good\">On credit");
    assertThat(shown(html, "late-C-ACME")).isEqualTo("81.0");
    assertThat(shown(html, "late-C-LATE")).isEqualTo("13.1");
    assertThat(shown(html, "late-C-GOOD")).isEqualTo("4.3");
    assertThat(shown(html, "late-C-NEW")).isEqualTo("–");
    assertThat(html).containsPattern("data-test=\"change-C-LATE\"><span class=\"tag warn\"");
    assertThat(html).doesNotContainPattern("data-test=\"change-C-GOOD\"><span");
    readOnly(html);
  }

  @Test
  void theCustomerListFiltersAndSortsByName() {
    PageSession session = signIn(TestUsers.SALES_REP);

    String filtered = session.get("/reports/customers?name=LOGISTIK").body();
    String descending = session.get("/reports/customers?sort=name-desc").body();

    assertThat(filtered).contains("Lagom Logistik AB").doesNotContain("Acme Tools AB", "Gut Waren GmbH");
    assertThat(descending).containsSubsequence("Nova Parts Oy", "Lagom Logistik AB", "Gut Waren GmbH", "Acme Tools AB");
  }

  @Test
  void theCustomerViewShowsCreditInvoicesAndTheChange() {
    PageSession session = signIn(TestUsers.AUDITOR);

    String acme = session.get("/reports/customers/C-ACME").body();
    String late = session.get("/reports/customers/C-LATE").body();

    assertThat(shown(acme, "credit")).isEqualTo("On hold");
    assertThat(acme).contains("2026-03-02 06:00", "Promise to pay broken", "(invoice A-1)");
    assertThat(acme).containsSubsequence("A-1", "A-2", "A-4", "A-3");
    assertThat(acme).contains("href=\"/reports/invoices/A-1\"");
    assertThat(shown(acme, "overdue-A-1")).isEqualTo("50");
    assertThat(shown(acme, "overdue-A-3")).isEqualTo("0");
    assertThat(acme).contains("EUR 6,000.00", "Call due");

    assertThat(shown(late, "credit")).isEqualTo("On credit");
    assertThat(shown(late, "late-6")).isEqualTo("19.3");
    assertThat(shown(late, "late-12")).isEqualTo("13.1");
    assertThat(late).contains("data-test=\"behaviour-flag\"", "Paid 24 days late on average in the"
        + " last 3 months (3 invoices), against 5 in the 9 months before (4 invoices).");
    assertThat(shown(late, "late-2026-03")).isEqualTo("25.0");
    assertThat(shown(late, "settled-2026-03")).isEqualTo("2");
    readOnly(late);
  }

  @Test
  void anUnknownCustomerHasANotFoundPage() {
    HttpResponse<String> response = signIn(TestUsers.CLERK).get("/reports/customers/NOPE");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Customer not found", "No customer with id NOPE");
  }

  @Test
  void theChartsAreDrawnInABrowser() {
    Browser.requireChromium();
    try (Browser browser = Browser.open()) {
      browser.signInToReports(port, TestUsers.MANAGER, TestUsers.PASSWORD);
      browser.go("http://localhost:" + port + "/reports/dashboard?date=2026-03-31");
      for (String chart : List.of("overdue", "stages", "payments", "promises")) {
        browser.find(By.cssSelector("canvas[data-chart=" + chart + "][data-drawn]"));
      }
      browser.screenshot("dashboard.png");
      browser.go("http://localhost:" + port + "/reports/customers/C-LATE");
      browser.find(By.cssSelector("canvas[data-chart=trend][data-drawn]"));
      browser.screenshot("customer.png");
      browser.go("http://localhost:" + port + "/reports/aging?asOf=2026-03-31");
      browser.find(By.cssSelector("table"));
      browser.screenshot("aging.png");
    }
  }
}
