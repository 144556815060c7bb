package org.opencollections.system.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.MailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What `./mvnw spring-boot:run` gives a newcomer: demo users, invoices at every stage, a mailbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DemoProfileIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService taskService;

  @DynamicPropertySource
  static void isolated(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-it;DB_CLOSE_DELAY=-1");
    int port = MailServer.freePort();
    registry.add("collections.demo.mail-catcher.port", () -> port);
  }

  private ResponseEntity<String> get(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, user);
    }
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private String taskName(String businessKey) {
    var task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    return task == null ? null : task.getName();
  }

  @Test
  void demoDataReachesEveryStageAndItsMailsCanBeRead() {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      assertThat(get("billing", "/api/customers/C-1006/credit-status").getBody()).contains("\"onHold\":true");
      assertThat(get("billing", "/api/invoices/INV-2026-1007").getBody()).contains("\"status\":\"PAID\"");
      assertThat(taskName("C-1004")).isEqualTo("Call the customer");
      assertThat(taskService.getVariable(
          taskService.createTaskQuery().processInstanceBusinessKey("C-1004").singleResult().getId(),
          "openInvoices").toString()).contains("INV-2026-1004", "INV-2026-1009");
      assertThat(taskName("INV-2026-1005")).isEqualTo("Follow up with the customer");
      assertThat(get(null, "/mailbox").getBody())
          .contains("Thank you for your payment of invoice INV-2026-1007")
          .contains("La factura INV-2026-1006 ha superado su fecha de vencimiento");
    });
    assertThat(get("billing", "/api/invoices/INV-2026-1008").getBody()).contains("\"balance\":2500.00", "\"currency\":\"GBP\"");
  }

  @Test
  void aYearOfSettledInvoicesGivesTheReportsAPastAndOneCustomerAFlag() {
    assertThat(get("aaron", "/api/customers/C-1006/payment-behaviour").getBody())
        .contains("\"flagged\":true", "\"verdict\":\"CHANGED\"");
    assertThat(get("aaron", "/api/customers/C-1001/payment-behaviour").getBody())
        .contains("\"flagged\":false");
    assertThat(get("aaron", "/api/reports/dashboard").getBody()).contains("\"promises\"")
        .doesNotContain("\"keptPercent\":null");
  }

  @Test
  void everyDemoUserCanSignInWithTheirIdAsPassword() {
    for (String user : new String[] {"clara", "sam", "maria", "max", "aaron", "demo"}) {
      assertThat(get(user, "/engine-rest/task").getStatusCode().value()).as(user).isEqualTo(200);
    }
    assertThat(get("clara", "/api/invoices/INV-2026-1001").getStatusCode().value()).isEqualTo(200);
    assertThat(get("clara", "/engine-rest/task").getStatusCode().value()).isEqualTo(200);
  }
}
