package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.inCountry;
import static org.opencollections.fixtures.Invoices.invoice;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.opencollections.fixtures.Browser;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk sets up a payment plan in Tasklist, in headless Chromium: signs in, starts "Payment
 * plan" from "Start process" and fills its start form, first with instalments that do not add up to
 * the open balance (the form is refused and nothing starts), then with the right ones; the invoice
 * goes on the plan.
 */
class TasklistPaymentPlanIT extends IntegrationTest {

  private static final By START_BUTTON =
      By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']");
  private static final By START_FORM_NOTIFICATIONS = By.cssSelector(".modal-body [notifications-panel]");

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;

  @BeforeAll
  static void chromium() {
    Browser.requireChromium();
  }

  private long plansFor(String invoiceNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PaymentPlanProcess.PROCESS_KEY)
        .variableValueEquals("invoiceNumber", invoiceNumber).count();
  }

  @Test
  void aClerkSetsUpAPaymentPlanInTasklist() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
    post("/api/invoices", inCountry(invoice("TPP-1", "1500.00", "EUR", "2026-03-02", "2026-04-01"), "en-SE"));
    time.travelTo(LocalDate.of(2026, 4, 7));

    try (Browser browser = Browser.open()) {
      browser.signInToTasklist(port, TestUsers.CLERK, TestUsers.PASSWORD);

      browser.click(By.xpath("//a[normalize-space()='Start process']"));
      browser.type(By.cssSelector(".modal-header input[ng-model='page.searchValue']"), "Payment plan");
      browser.click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='Payment plan']"));
      browser.waitForText(By.cssSelector(".modal-body .fjs-form"), "Set up a payment plan");

      // The text fields first: a number field re-renders the form some 300 ms after it is left, and
      // that drops whatever a text field got typed in the meantime and has not yet taken.
      browser.type(By.cssSelector("input[id$='Field_InvoiceNumber']"), "TPP-1");
      browser.type(By.cssSelector("textarea[id$='Field_PlanNote']"), "Agreed with Åsa on the phone");
      // 3 instalments by default; 2 hides the third row
      browser.find(By.cssSelector("input[id$='Field_Amount3']"));
      browser.click(By.cssSelector("[id$='Field_InstalmentCount-display']"));
      browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='2']"));
      browser.waitUntilGone(By.cssSelector("input[id$='Field_DueOn3-date']"));
      browser.waitUntilGone(By.cssSelector("input[id$='Field_Amount3']"));
      browser.type(By.cssSelector("input[id$='Field_DueOn1-date']"), "04/20/2026", Keys.ENTER);
      browser.type(By.cssSelector("input[id$='Field_Amount1']"), "700.00");
      browser.type(By.cssSelector("input[id$='Field_DueOn2-date']"), "05/20/2026", Keys.ENTER);
      browser.type(By.cssSelector("input[id$='Field_Amount2']"), "700.00");
      browser.click(START_BUTTON);

      String refusal = browser.waitForText(START_FORM_NOTIFICATIONS, "add up to");
      assertThat(refusal).contains("The instalments add up to 1400.00 EUR but the open balance is 1500.00 EUR");
      assertThat(plansFor("TPP-1")).isZero();

      browser.click(By.cssSelector(".modal-body [notifications-panel] button.close.ng-scope"));
      browser.type(By.cssSelector("input[id$='Field_Amount2']"), "800.00");
      browser.screenshot("payment-plan-form.png");
      browser.click(START_BUTTON);
      browser.waitUntilGone(By.cssSelector(".modal-dialog"));
    }

    assertThat(plansFor("TPP-1")).isOne();
    time.runDueJobs();
    assertThat(get("/api/invoices/TPP-1").text("/stage")).isEqualTo("PAYMENT_PLAN");
    assertThat(contacts("TPP-1")).extracting(contact -> contact.get("summary").asText())
        .contains("Payment plan by clara: agreed (2 instalments: 700.00 on 2026-04-20, 800.00 on 2026-05-20."
            + " Agreed with Åsa on the phone)");
  }
}
