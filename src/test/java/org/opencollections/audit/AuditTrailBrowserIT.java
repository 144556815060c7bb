package org.opencollections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencollections.fixtures.Browser;
import org.opencollections.fixtures.TestUsers;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The auditor in headless Chromium: signs in, opens the history of an invoice driven through the
 * lifecycle, sees each of its events, reads a mail, prints, and finds nothing to change: no
 * buttons, and the endpoints refuse a request sent from the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailBrowserIT extends AuditedCase {

  @LocalServerPort
  int port;

  @BeforeAll
  void chromiumAndACase() {
    Browser.requireChromium();
    TestUsers.ensure(identityService);
    driveThroughTheLifecycle();
  }

  @Test
  @Order(1)
  void theAuditorSeesEveryEventOfTheCaseAndCannotChangeAnything() {
    List<String> titles = StreamSupport.stream(call(TestUsers.AUDITOR, HttpMethod.GET,
            "/api/invoices/" + INVOICE + "/history", null).body().get("events").spliterator(), false)
        .map(event -> event.get("title").asText()).toList();
    assertThat(titles).hasSizeGreaterThan(20);

    try (Browser browser = Browser.open()) {
      // the page asks for a sign-in first, then shows what was asked for
      browser.go("http://localhost:" + port + "/reports/invoices/" + INVOICE);
      browser.signInToReports(port, TestUsers.AUDITOR, TestUsers.PASSWORD);
      browser.waitForText(By.cssSelector("h1"), "Invoice " + INVOICE);
      assertThat(browser.texts(By.cssSelector("#timeline td.what"))).containsExactlyElementsOf(titles);
      assertThat(browser.find(By.cssSelector("[data-test=user]")).getText()).isEqualTo(TestUsers.AUDITOR);
      assertThat(browser.find(By.cssSelector("[data-test=status]")).getText()).isEqualTo("paid");
      browser.screenshot("audit-invoice-history.png");

      // nothing to change: no waiver form, no button but the search and signing out
      assertThat(browser.count(By.cssSelector("button.waive, form.inline"))).isZero();
      assertThat(browser.texts(By.cssSelector("button"))).containsOnly("Show", "Sign out");
      JsonNode compensation = get("/api/invoices/" + INVOICE + "/charges").body().get("charges").get(1);
      long refused = browser.postFromPage("/reports/invoices/" + INVOICE + "/charges/"
          + compensation.get("id").asText() + "/waiver", "reason=tampered");
      assertThat(refused).isEqualTo(403);
      assertThat(get("/api/invoices/" + INVOICE + "/charges").body().get("charges").get(1)
          .get("waivedAt").isNull()).isTrue();

      browser.click(By.linkText("Read the mail"));
      assertThat(browser.waitForText(By.cssSelector("[data-test=subject]"), "AU-1001"))
          .isEqualTo("Invoice AU-1001 from Northwind Supplies AB");
      assertThat(browser.find(By.cssSelector("[data-test=text]")).getText()).startsWith("Dear Åsa Öberg,");
      browser.screenshot("audit-mail.png");

      browser.go("http://localhost:" + port + "/reports/invoices/" + INVOICE + "/print");
      assertThat(browser.texts(By.cssSelector("#timeline td.what"))).containsExactlyElementsOf(titles);
      assertThat(browser.count(By.cssSelector("header.top"))).isZero();
    }
  }

  @Test
  @Order(2)
  void aManagerSignedInToTasklistWaivesAChargeOnThePage() {
    try (Browser browser = Browser.open()) {
      // signed in to Tasklist is signed in to the report pages: the same login
      browser.signInToTasklist(port, TestUsers.MANAGER, TestUsers.PASSWORD);
      browser.find(By.xpath("//a[normalize-space()='Start process']"));
      browser.go("http://localhost:" + port + "/reports/invoices/" + INVOICE);
      assertThat(browser.find(By.cssSelector("[data-test=user]")).getText()).isEqualTo(TestUsers.MANAGER);
      browser.type(By.cssSelector("#charges input[name=reason]"), "Paid in full after the hold");
      browser.click(By.cssSelector("#charges button.waive"));
      assertThat(browser.waitForText(By.cssSelector("[data-test=message]"), "Waived"))
          .isEqualTo("Waived the compensation of reminder 2.");
      assertThat(browser.texts(By.cssSelector("#timeline td.what")))
          .contains("Late charge waived: compensation of 40.00 EUR with reminder 2");
    }
  }
}
