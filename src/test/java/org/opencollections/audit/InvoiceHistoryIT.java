package org.opencollections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencollections.fixtures.Invoices;
import org.opencollections.fixtures.PageSession;
import org.opencollections.fixtures.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.HtmlUtils;

/** One invoice driven through its lifecycle, then read by an auditor over REST, as CSV and as pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoiceHistoryIT extends AuditedCase {

  @LocalServerPort
  int port;

  @BeforeAll
  void driveTheCase() {
    TestUsers.ensure(identityService);
    driveThroughTheLifecycle();
  }

  private List<JsonNode> events() {
    var history = call(TestUsers.AUDITOR, HttpMethod.GET, "/api/invoices/" + INVOICE + "/history", null);
    assertThat(history.status()).isEqualTo(200);
    return StreamSupport.stream(history.body().get("events").spliterator(), false).toList();
  }

  private static String line(JsonNode event) {
    return event.get("at").asText() + " " + event.get("title").asText() + " / " + event.get("actor").asText();
  }

  @Test
  void everyEventOfTheCaseIsInTheHistoryInOrderWithWhoDidIt() {
    assertThat(events()).extracting(InvoiceHistoryIT::line).containsExactly(
        "2026-03-02T10:00:00Z Invoice registered / billing",
        "2026-03-02T10:00:00Z Case started / system",
        "2026-03-02T10:00:00Z Mail sent: Invoice / system",
        "2026-04-08T12:00:00Z Late charge computed: interest of 2.43 EUR with reminder 2 / system",
        "2026-04-08T12:00:00Z Late charge computed: compensation of 40.00 EUR with reminder 2 / system",
        "2026-04-08T12:00:00Z Mail sent: Overdue notice / system",
        "2026-04-08T13:00:00Z Call: no answer / clara",
        "2026-04-09T13:00:00Z Call: promised to pay by 2026-04-20 / clara",
        "2026-04-09T13:00:00Z Mail sent: Promise confirmation / system",
        "2026-04-22T12:00:00Z Promise broken / system",
        "2026-04-22T12:00:00Z Customer put on credit hold / system",
        "2026-04-22T12:00:00Z Task created: Follow up with the customer / system",
        "2026-04-22T12:00:00Z Mail sent: Broken promise / system",
        "2026-04-22T12:00:00Z Mail sent: Sales rep escalation / system",
        "2026-04-22T14:00:00Z Task claimed: Follow up with the customer / sam",
        "2026-04-22T14:00:00Z Sales rep's follow-up: will pay, payment expected 2026-05-04 / sam",
        "2026-04-22T14:00:00Z Task completed: Follow up with the customer / sam",
        "2026-05-01T12:00:00Z Invoice keeps the customer on credit hold / system",
        "2026-05-01T12:00:00Z Mail sent: Credit hold notice / system",
        "2026-05-01T13:00:00Z Late charge waived: interest of 2.43 EUR with reminder 2 / maria",
        "2026-05-04T10:00:00Z Payment received: 1250.00 EUR / billing",
        "2026-05-04T10:00:00Z Credit hold lifted / system",
        "2026-05-04T10:00:00Z Mail sent: Thank you / system",
        "2026-05-04T10:00:00Z Case ended / system");
  }

  @Test
  void eventsCarryTheirParticularsAndSources() {
    List<JsonNode> events = events();
    JsonNode started = events.get(1);
    assertThat(started.get("detail").asText()).startsWith("Invoice collection (invoiceCollection) version 1, instance ");
    assertThat(started.get("source").asText()).isEqualTo("process engine history");
    JsonNode escalation = find(events, "Mail sent: Sales rep escalation");
    assertThat(escalation.get("category").asText()).isEqualTo("MAIL");
    assertThat(escalation.get("detail").asText()).isEqualTo("\"Öberg Verktyg AB: invoice AU-1001 is 21 days overdue\""
        + " to sam.sales@northwind.example; cc: finance.director@northwind.example, collections.lead@northwind.example;"
        + " stage: Escalated to sales rep; language: en; outbox: sent; attached: invoice-AU-1001.pdf");
    assertThat(escalation.get("source").asText()).isEqualTo("mail outbox");
    assertThat(find(events, "Call: promised to pay by 2026-04-20").get("detail").asText())
        .isEqualTo("Promised 1250. Will pay after their customer pays them");
    assertThat(find(events, "Late charge waived: interest of 2.43 EUR with reminder 2").get("detail").asText())
        .isEqualTo("Goodwill: first delay in ten years");
    assertThat(find(events, "Payment received: 1250.00 EUR").get("detail").asText())
        .isEqualTo("reference BANK-AU-1, value date 2026-05-04, arrived at stage Credit hold");
    assertThat(find(events, "Task claimed: Follow up with the customer").get("detail").asText())
        .isEqualTo("assignee: – → sam");
  }

  @Test
  void eachMailCanBeReadAsItWasSentButOnlyThroughItsOwnInvoice() {
    String link = find(events(), "Mail sent: Overdue notice").get("mail").asText();
    assertThat(link).matches("/api/invoices/AU-1001/mails/\\d+");
    var mail = call(TestUsers.AUDITOR, HttpMethod.GET, link, null);
    assertThat(mail.status()).isEqualTo(200);
    assertThat(mail.text("/subject")).isEqualTo("Invoice AU-1001 is past its due date");
    assertThat(mail.text("/status")).isEqualTo("SENT");
    assertThat(mail.text("/language")).isEqualTo("en");
    assertThat(mail.text("/text")).startsWith("Dear Åsa Öberg,");
    assertThat(mail.text("/html")).contains("<html", "Åsa Öberg");

    post("/api/invoices", Invoices.invoice("AU-2001"));
    var elsewhere = call(TestUsers.AUDITOR, HttpMethod.GET, link.replace("AU-1001", "AU-2001"), null);
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.text("/detail")).startsWith("Invoice AU-2001 has no mail ");
  }

  @Test
  void theHistoryExportsAsCsvWithOneLinePerEvent() {
    int events = events().size();
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(TestUsers.AUDITOR, TestUsers.PASSWORD);
    var byParameter = rest.exchange("/api/invoices/" + INVOICE + "/history?format=csv", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    headers.set(HttpHeaders.ACCEPT, "text/csv");
    var byAccept = rest.exchange("/api/invoices/" + INVOICE + "/history", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    for (var answer : List.of(byParameter, byAccept)) {
      assertThat(answer.getStatusCode().value()).isEqualTo(200);
      assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
      assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("history-AU-1001.csv");
      String[] lines = answer.getBody().split("\r\n");
      assertThat(lines).hasSize(events + 1);
      assertThat(lines[0]).isEqualTo("invoice,time,category,event,details,by,source,mail");
      assertThat(lines[1]).isEqualTo("AU-1001,2026-03-02T10:00:00Z,CASE,Invoice registered,"
          + "\"1250.00 EUR, issued 2026-03-02, due 2026-04-01, customer Öberg Verktyg AB (C-AU-1001)\",billing,invoice,");
    }
  }

  @Test
  void unknownInvoicesAndAnonymousCallersAreAnsweredClearly() {
    var unknown = call(TestUsers.AUDITOR, HttpMethod.GET, "/api/invoices/NO-SUCH/history", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text("/detail")).isEqualTo("No invoice with number NO-SUCH");
    assertThat(call(null, HttpMethod.GET, "/api/invoices/" + INVOICE + "/history", null).status()).isEqualTo(401);
    var anonymous = rest.getForEntity("/reports/invoices/" + INVOICE, String.class);
    assertThat(anonymous.getBody()).contains("Sign in with your Camunda account").doesNotContain("Invoice registered");
  }

  @Test
  void theAuditorReadsThePagesAndFindsNothingToChange() {
    PageSession auditor = PageSession.signIn(port, TestUsers.AUDITOR, TestUsers.PASSWORD);
    var page = auditor.get("/reports/invoices/" + INVOICE);
    assertThat(page.statusCode()).isEqualTo(200);
    for (JsonNode event : events()) {
      assertThat(page.body()).contains(html(event.get("title").asText()));
    }
    assertThat(page.body()).contains("Goodwill: first delay in ten years", "Read the mail")
        .doesNotContain("class=\"waive\"", "/waiver");
    JsonNode compensation = get("/api/invoices/" + INVOICE + "/charges").body().get("charges").get(1);
    var refused = auditor.post("/reports/invoices/" + INVOICE + "/charges/" + compensation.get("id").asText()
        + "/waiver", Map.of("reason", "The auditor tries"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(get("/api/invoices/" + INVOICE + "/charges").body().get("charges").get(1).get("waivedAt").isNull())
        .isTrue();

    assertThat(auditor.get("/reports/invoices/" + INVOICE + "/print").body())
        .contains("Printed ", "by aaron", html("Mail sent: Thank you"))
        .doesNotContain("<nav>");
    var csv = auditor.get("/reports/invoices/" + INVOICE + "/history.csv");
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(csv.body()).startsWith("invoice,time,category,event,details,by,source,mail\r\nAU-1001,");
    var byName = auditor.get("/reports?invoice=%C3%96berg");
    assertThat(byName.body()).contains(">AU-1001</a>", "Öberg Verktyg AB", "Settled");
    assertThat(auditor.get("/reports?invoice=AU-1001").uri().getPath()).isEqualTo("/reports/invoices/AU-1001");
    assertThat(auditor.get("/reports?invoice=50%25_off").body()).contains("No invoice matches");
    var nowhere = auditor.get("/reports/nothing-here");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("There is nothing at this address.");
    var unknown = auditor.get("/reports/invoices/NO-SUCH");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No invoice with number NO-SUCH");
  }

  /** Last: it adds a waiver to the history the other tests read. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aManagerWaivesAChargeFromThePageWithAReason() {
    PageSession manager = PageSession.signIn(port, TestUsers.SECOND_MANAGER, TestUsers.PASSWORD);
    var page = manager.get("/reports/invoices/" + INVOICE);
    assertThat(page.body()).contains("class=\"waive\"");
    String compensationId = get("/api/invoices/" + INVOICE + "/charges").body().get("charges").get(1).get("id").asText();
    String waiver = "/reports/invoices/" + INVOICE + "/charges/" + compensationId + "/waiver";

    var blank = manager.post(waiver, Map.of("reason", "  "));
    assertThat(blank.body()).contains("Give the reason for the waiver in one line");
    assertThat(get("/api/invoices/" + INVOICE + "/charges").body().get("charges").get(1).get("waivedAt").isNull())
        .isTrue();

    var waived = manager.post(waiver, Map.of("reason", "Settled in full after a call"));
    assertThat(waived.uri().getPath()).isEqualTo("/reports/invoices/" + INVOICE);
    assertThat(waived.body()).contains("Waived the compensation of reminder 2.");
    assertThat(get("/api/invoices/" + INVOICE + "/charges").body().get("charges").get(1).get("waivedBy").asText())
        .isEqualTo(TestUsers.SECOND_MANAGER);
    assertThat(manager.post(waiver, Map.of("reason", "Again")).body()).contains("was waived by max");
  }

  private static JsonNode find(List<JsonNode> events, String title) {
    return events.stream().filter(event -> event.get("title").asText().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("No event " + title));
  }

  private static String html(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
