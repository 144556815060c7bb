package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.Invoices;
import org.opencollections.fixtures.MailServer;
import org.opencollections.fixtures.TestUsers;
import org.opencollections.dunning.Schedule;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The timelapse profile with the real job executor and the real clock: a schedule day lasts
 * 250 ms, so an unpaid invoice runs from its invoice mail to credit hold in seconds. Steps may run
 * a schedule day late here, so the test checks the order of the mails, not their exact days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "collections.schedule.timelapse.day-length=250ms",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=50",
    "camunda.bpm.job-execution.max-wait=200"})
@ActiveProfiles({"test", "timelapse"})
@DirtiesContext
class TimelapseIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  Schedule schedule;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", MailServer::port);
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:timelapse-it;DB_CLOSE_DELAY=-1");
  }

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identityService);
    MailServer.clear();
  }

  private String get(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(TestUsers.BILLING, TestUsers.PASSWORD);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
  }

  @Test
  void anUnpaidInvoicePlaysOutToCreditHoldInSeconds() {
    assertThat(schedule.isTimelapse()).isTrue();
    LocalDate today = schedule.today();
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(TestUsers.BILLING, TestUsers.PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    var created = rest.exchange("/api/invoices", HttpMethod.POST, new HttpEntity<>(
        Invoices.invoice("TL-1", "500.00", "EUR", today.minusDays(30).toString(), today.toString()),
        headers), String.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(get("/api/customers/C-TL-1/credit-status")).contains("\"onHold\":true"));

    // due the day it was sent: no courtesy mails, the overdue notice, then the sales rep
    assertThat(MailServer.mailsAbout("TL-1")).extracting(MailServer.Mail::subject)
        .hasSize(3)
        .satisfies(subjects -> {
          assertThat(subjects.get(0)).isEqualTo("Invoice TL-1 from Northwind Supplies AB");
          assertThat(subjects.get(1)).isEqualTo("Invoice TL-1 is past its due date");
          // how many schedule days late the escalation goes out depends on the machine's speed
          assertThat(subjects.get(2)).matches("Öberg Verktyg AB: invoice TL-1 is \\d+ days overdue");
        });
  }
}
