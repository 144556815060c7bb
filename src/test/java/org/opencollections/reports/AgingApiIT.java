package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.Ledger;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/reports/aging} as JSON and as CSV, for every reader, never anonymously. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgingApiIT extends IntegrationTest {

  static final String CSV_ON_MARCH_2 = """
      customerId,customerName,currency,invoices,current,days1To30,days31To60,days61To90,over90,total\r
      C-1,"Smith, ""Jones"" & Co",EUR,2,99.95,1250.50,0.00,0.00,0.00,1350.45\r
      C-2,Nordic AB,JPY,1,0,150000,0,0,0,150000\r
      C-2,Nordic AB,SEK,1,0.00,0.00,0.00,0.00,7500.00,7500.00\r
      ,Total,EUR,2,99.95,1250.50,0.00,0.00,0.00,1350.45\r
      ,Total,JPY,1,0,150000,0,0,0,150000\r
      ,Total,SEK,1,0.00,0.00,0.00,0.00,7500.00,7500.00\r
      """;

  @Autowired
  private JdbcTemplate jdbc;

  @BeforeAll
  void ledger() {
    ledgerOnMarch2(jdbc);
  }

  /** Known answers on the test clock's day, 2026-03-02. */
  static void ledgerOnMarch2(JdbcTemplate jdbc) {
    new Ledger(jdbc)
        .customer("C-1", "Smith, \"Jones\" & Co")
        .customer("C-2", "Nordic AB")
        .invoice("I-1", "C-1", "1250.50", "EUR", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"))
        .invoice("I-2", "C-1", "99.95", "EUR", LocalDate.parse("2026-02-20"), LocalDate.parse("2026-03-22"))
        .invoice("I-3", "C-2", "10000.00", "SEK", LocalDate.parse("2025-10-01"), LocalDate.parse("2025-11-01"))
        .payment("P-3", "I-3", "2500.00", LocalDate.parse("2026-01-15"))
        .invoice("I-4", "C-2", "150000", "JPY", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"));
  }

  @Test
  void withoutADayTheAgingIsTodaysAsJsonWithTheCurrencysDecimals() {
    Answer answer = call(TestUsers.AUDITOR, HttpMethod.GET, "/api/reports/aging", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("/asOf")).isEqualTo("2026-03-02");
    assertThat(answer.body().get("lines")).hasSize(3);
    assertThat(answer.text("/lines/0/customerId")).isEqualTo("C-1");
    assertThat(answer.text("/lines/0/customerName")).isEqualTo("Smith, \"Jones\" & Co");
    assertThat(answer.text("/lines/0/currency")).isEqualTo("EUR");
    assertThat(answer.body().at("/lines/0/invoices").asLong()).isEqualTo(2);
    assertThat(answer.text("/lines/0/current")).isEqualTo("99.95");
    assertThat(answer.text("/lines/0/days1To30")).isEqualTo("1250.50");
    assertThat(answer.text("/lines/0/days31To60")).isEqualTo("0.00");
    assertThat(answer.text("/lines/0/days61To90")).isEqualTo("0.00");
    assertThat(answer.text("/lines/0/over90")).isEqualTo("0.00");
    assertThat(answer.text("/lines/0/total")).isEqualTo("1350.45");
    assertThat(answer.text("/lines/1/currency")).isEqualTo("JPY");
    assertThat(answer.text("/lines/1/days1To30")).isEqualTo("150000");
    assertThat(answer.text("/lines/2/currency")).isEqualTo("SEK");
    assertThat(answer.text("/lines/2/over90")).isEqualTo("7500.00");
    assertThat(answer.body().get("totals").fieldNames()).toIterable()
        .containsExactly("EUR", "JPY", "SEK");
    assertThat(answer.text("/totals/EUR/total")).isEqualTo("1350.45");
    assertThat(answer.body().at("/totals/EUR/invoices").asLong()).isEqualTo(2);
    assertThat(answer.text("/totals/SEK/over90")).isEqualTo("7500.00");
    assertThat(answer.body().at("/totals/EUR").has("customerId")).isFalse();
  }

  @Test
  void onAPastDayTheLaterPaymentAndInvoicesDoNotCount() {
    Answer answer = call(TestUsers.CLERK, HttpMethod.GET, "/api/reports/aging?asOf=2026-01-20", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("/asOf")).isEqualTo("2026-01-20");
    assertThat(answer.body().get("lines")).hasSize(2);
    assertThat(answer.text("/lines/0/current")).isEqualTo("1250.50");
    assertThat(answer.text("/lines/1/currency")).isEqualTo("SEK");
    assertThat(answer.text("/lines/1/days61To90")).isEqualTo("7500.00");
    assertThat(answer.body().get("totals").has("JPY")).isFalse();
  }

  @Test
  void formatCsvGivesAFileToDownload() {
    ResponseEntity<String> response = get(TestUsers.AUDITOR, "/api/reports/aging?asOf=2026-03-02&format=csv",
        new HttpHeaders());

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"aging-2026-03-02.csv\"");
    assertThat(response.getBody()).isEqualTo(CSV_ON_MARCH_2);
  }

  @Test
  void acceptingTextCsvGivesTheSameFile() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "text/csv");

    ResponseEntity<String> response = get(TestUsers.SALES_REP, "/api/reports/aging", headers);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    assertThat(response.getBody()).isEqualTo(CSV_ON_MARCH_2);
  }

  @Test
  void aDayThatIsNoDateIsABadRequestSayingSo() {
    Answer answer = call(TestUsers.AUDITOR, HttpMethod.GET, "/api/reports/aging?asOf=31.10.2026", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("/title")).isEqualTo("Invalid request");
    assertThat(answer.text("/detail")).isEqualTo("asOf must be a date (YYYY-MM-DD)");
    assertThat(answer.text("/errors/0/field")).isEqualTo("asOf");
    assertThat(answer.text("/errors/0/message")).isEqualTo("must be a date (YYYY-MM-DD)");
  }

  @Test
  void anUnknownFormatIsABadRequestSayingSo() {
    Answer answer = call(TestUsers.AUDITOR, HttpMethod.GET, "/api/reports/aging?format=xlsx", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("/detail")).isEqualTo("format must be csv or json");
    assertThat(answer.text("/errors/0/field")).isEqualTo("format");
  }

  @Test
  void nobodyReadsItWithoutCredentials() {
    assertThat(call(null, HttpMethod.GET, "/api/reports/aging", null).status()).isEqualTo(401);
    assertThat(get(null, "/api/reports/aging?format=csv", new HttpHeaders()).getStatusCode().value())
        .isEqualTo(401);
  }

  private ResponseEntity<String> get(String user, String path, HttpHeaders headers) {
    if (user != null) {
      headers.setBasicAuth(user, TestUsers.PASSWORD);
    }
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
