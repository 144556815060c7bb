package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencollections.fixtures.Invoices.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.MailServer;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Health for load balancers and metrics for Prometheus: anonymous callers learn the status and
 * nothing else; readiness follows the database and the SMTP server; the metrics follow the cases,
 * the mails, the incidents and the job executor's backlog.
 */
// Spring Boot tests switch metrics export off unless asked for
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "collections.metrics.refresh=0s")
class MonitoringIT extends IntegrationTest {

  private static final String ADMIN_PASSWORD = "Admin-secret-for-tests-1";

  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;

  private final List<String> invoices = new ArrayList<>();

  @BeforeEach
  void startOfMarch() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
  }

  @AfterEach
  void smtpBackUpAndCasesClosed() {
    if (!MailServer.isRunning()) {
      MailServer.restart();
    }
    settleWhereOpen(invoices, "2026-07-01");
  }

  private ResponseEntity<String> actuator(String user, String password, String path) {
    return exchange(user, password, HttpMethod.GET, path);
  }

  private ResponseEntity<String> anonymous(String path) {
    return actuator(null, null, path);
  }

  private ResponseEntity<String> asMonitor(String path) {
    return actuator(TestUsers.MONITOR, TestUsers.PASSWORD, path);
  }

  @Test
  void anAnonymousCallerLearnsTheStatusAndNothingElse() throws Exception {
    for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
      ResponseEntity<String> health = anonymous(path);
      assertThat(health.getStatusCode().value()).as(path).isEqualTo(200);
      var body = json.readTree(health.getBody());
      assertThat(body.get("status").asText()).as(path).isEqualTo("UP");
      // no components, no details: which database or mail server runs where is not for strangers
      assertThat(body.has("components")).as(path).isFalse();
      assertThat(body.has("details")).as(path).isFalse();
    }
  }

  @Test
  void readinessTellsOfTheDatabaseAndTheSmtpServer() throws Exception {
    var readiness = json.readTree(asMonitor("/actuator/health/readiness").getBody());
    assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(readiness.at("/components/db/details/database").asText()).isEqualTo("H2");
    assertThat(readiness.at("/components/mail/status").asText()).isEqualTo("UP");
    assertThat(readiness.at("/components/mail/details/location").asText()).isEqualTo("127.0.0.1:" + MailServer.port());

    MailServer.stop();
    ResponseEntity<String> down = anonymous("/actuator/health/readiness");
    assertThat(down.getStatusCode().value()).isEqualTo(503);
    assertThat(down.getBody()).isEqualTo("{\"status\":\"DOWN\"}");
    assertThat(json.readTree(asMonitor("/actuator/health/readiness").getBody()).at("/components/mail/status").asText())
        .isEqualTo("DOWN");
    // the process itself is fine: no reason to restart it
    assertThat(anonymous("/actuator/health/liveness").getStatusCode().value()).isEqualTo(200);

    MailServer.restart();
    assertThat(anonymous("/actuator/health/readiness").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void metricsAreForTheMonitoringGroupAndAdministrators() {
    assertThat(anonymous("/actuator/prometheus").getStatusCode().value()).isEqualTo(401);
    for (String user : List.of(TestUsers.CLERK, TestUsers.MANAGER, TestUsers.AUDITOR, TestUsers.BILLING)) {
      assertThat(actuator(user, TestUsers.PASSWORD, "/actuator/prometheus").getStatusCode().value()).as(user)
          .isEqualTo(403);
    }
    assertThat(asMonitor("/actuator/prometheus").getStatusCode().value()).isEqualTo(200);
    assertThat(actuator("admin", ADMIN_PASSWORD, "/actuator/prometheus").getStatusCode().value()).isEqualTo(200);
    // an unknown account (a wrong password would lock the monitoring account for seconds)
    assertThat(actuator("stranger", "guess", "/actuator/prometheus").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theMetricsFollowCasesMailsIncidentsAndTheBacklog() {
    Metrics before = scrape();
    post("/api/invoices", invoice("MON-1"));
    invoices.add("MON-1");

    Metrics registered = scrape();
    assertThat(registered.value("collections_cases_open", "stage=\"REGISTERED\""))
        .isEqualTo(before.value("collections_cases_open", "stage=\"REGISTERED\"") + 1);
    // the invoice mail is sent by the job executor: a job due now
    assertThat(registered.value("collections_jobs_due", null)).isGreaterThan(before.value("collections_jobs_due", null));

    time.runDueJobs();
    Metrics invoiced = scrape();
    assertThat(invoiced.value("collections_mails_sent_total", "kind=\"INVOICE\""))
        .isEqualTo(before.value("collections_mails_sent_total", "kind=\"INVOICE\"") + 1);
    assertThat(invoiced.value("collections_cases_open", "stage=\"INVOICE_SENT\""))
        .isEqualTo(before.value("collections_cases_open", "stage=\"INVOICE_SENT\"") + 1);
    assertThat(invoiced.value("collections_cases_open", "stage=\"REGISTERED\""))
        .isEqualTo(before.value("collections_cases_open", "stage=\"REGISTERED\""));
    assertThat(invoiced.value("collections_jobs_due", null)).isEqualTo(before.value("collections_jobs_due", null));

    MailServer.stop();
    assertThatThrownBy(() -> time.travelTo(LocalDate.of(2026, 3, 5))).hasMessageContaining("did not take mail");
    Metrics refused = scrape();
    assertThat(refused.value("collections_mails_failed_total", "kind=\"RECEIPT_CHECK\""))
        .isEqualTo(before.value("collections_mails_failed_total", "kind=\"RECEIPT_CHECK\"") + 1);
    assertThat(refused.value("collections_outbox_mails", "status=\"PENDING\""))
        .isEqualTo(before.value("collections_outbox_mails", "status=\"PENDING\"") + 1);
    assertThat(refused.value("collections_incidents_open", null)).isEqualTo(before.value("collections_incidents_open", null));

    // the retries are used up: the step waits for a person in Cockpit
    managementService.setJobRetries(failedJob("MON-1").getId(), 0);
    assertThat(scrape().value("collections_incidents_open", null))
        .isEqualTo(before.value("collections_incidents_open", null) + 1);
  }

  private Job failedJob(String invoiceNumber) {
    String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(invoiceNumber)
        .processDefinitionKey("invoiceCollection").singleResult().getId();
    return managementService.createJobQuery().processInstanceId(caseId).withException().singleResult();
  }

  private Metrics scrape() {
    ResponseEntity<String> scraped = asMonitor("/actuator/prometheus");
    assertThat(scraped.getStatusCode().value()).isEqualTo(200);
    return new Metrics(scraped.getBody());
  }

  /** Prometheus' text format: {@code name{tag="value",...} 1.0} per line. */
  private record Metrics(String text) {

    /** The sample of the metric with the given tag (or the only one); 0 when not reported yet. */
    double value(String name, String tag) {
      Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(text);
      double value = 0;
      boolean found = false;
      while (line.find()) {
        if (tag == null || line.group(1).contains(tag)) {
          assertThat(found).as("one sample of " + name + " " + tag).isFalse();
          value = Double.parseDouble(line.group(2));
          found = true;
        }
      }
      return value;
    }
  }
}
