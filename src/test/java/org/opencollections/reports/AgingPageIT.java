package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The aging page and its CSV download, signed in through the pages' sign-in form. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgingPageIT extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired
  private JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private String session;

  @BeforeAll
  void ledger() {
    AgingApiIT.ledgerOnMarch2(jdbc);
  }

  @BeforeEach
  void signIn() throws Exception {
    HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/reports/login")).GET(), null);
    Matcher csrf = CSRF.matcher(form.body());
    assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
    String body = "username=" + TestUsers.AUDITOR + "&password=" + encode(TestUsers.PASSWORD)
        + "&_csrf=" + encode(csrf.group(1));
    HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/reports/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), cookie(form));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
    session = cookie(signedIn);
  }

  @Test
  void theTableShowsEachCustomersLineAndTheTotalPerCurrency() throws Exception {
    HttpResponse<String> page = page("/reports/aging?asOf=2026-03-02");

    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<table id=\"aging-EUR\"", "<table id=\"aging-JPY\"", "<table id=\"aging-SEK\"");
    assertThat(html).contains("<a href=\"/reports/customers/C-1\">Smith, &quot;Jones&quot; &amp; Co</a>");
    assertThat(html).containsSubsequence("aging-EUR", "99.95", "1,250.50", "0.00", "1,350.45",
        "Total EUR", "99.95", "1,250.50", "1,350.45", "aging-JPY", "150,000", "aging-SEK", "7,500.00");
    assertThat(html).contains("value=\"2026-03-02\"");
    assertThat(html).contains("href=\"/reports/aging.csv?asOf=2026-03-02\"");
    assertThat(html).doesNotContain("Nothing was owed on that day.");
  }

  @Test
  void withoutADayThePageShowsToday() throws Exception {
    assertThat(page("/reports/aging").body()).contains("As of 2026-03-02", "Total SEK");
  }

  @Test
  void theCsvLinkDownloadsTheSameFileAsTheApi() throws Exception {
    HttpResponse<String> csv = page("/reports/aging.csv?asOf=2026-03-02");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"aging-2026-03-02.csv\"");
    assertThat(csv.body()).isEqualTo(AgingApiIT.CSV_ON_MARCH_2);
  }

  @Test
  void aDayBeforeAnyInvoiceSaysNothingWasOwed() throws Exception {
    HttpResponse<String> page = page("/reports/aging?asOf=2025-01-31");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Nothing was owed on that day.").doesNotContain("<table");
  }

  @Test
  void aDayThatIsNoDateIsNamedOnThePage() throws Exception {
    HttpResponse<String> page = page("/reports/aging?asOf=tomorrow");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("is not a date. Enter one as YYYY-MM-DD.").doesNotContain("<table");
  }

  @Test
  void withoutSigningInThePageAsksToSignIn() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/reports/aging")).GET(), null);

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/reports/login");
  }

  private HttpResponse<String> page(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET(), session);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String cookie)
      throws IOException, InterruptedException {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create(rest.getRootUri() + path);
  }

  /** The session cookie the answer set, as the next request sends it back. */
  private static String cookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(header -> header.startsWith("JSESSIONID="))
        .map(header -> header.substring(0, header.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
