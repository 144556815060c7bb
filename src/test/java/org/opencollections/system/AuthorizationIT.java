package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencollections.fixtures.Invoices.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.http.HttpMethod;

/**
 * Each role sees and may do exactly its part, checked over the engine's REST API as Tasklist and
 * Cockpit use it: clerks the calls, each sales rep the escalations of their own customers,
 * managers everything of collections, auditors read without changing anything.
 */
class AuthorizationIT extends IntegrationTest {

  private static int run;
  /** Each test has cases of its own: AU1-1 to AU1-4 for the first, AU2-1... for the next. */
  private String prefix;

  @BeforeEach
  void casesAtEveryKindOfTask() {
    prefix = "AU" + (++run) + "-";
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
    post("/api/invoices", invoice(n(1)));
    post("/api/invoices", invoice(n(2)).replace("sam.sales@northwind.example", "sarah.sales@northwind.example"));
    post("/api/invoices", invoice(n(3)));
    post("/api/invoices", invoice(n(4), "90.00", "EUR", "2026-03-02", "2026-04-05"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    submitForm(TestUsers.CLERK, callTask(c(3)), "{\"callOutcome\": {\"value\": \"DISPUTED\"},"
        + " \"disputeReason\": {\"value\": \"Wrong price\"}}");
    // Monday 13 April: the calls of #1 and #2, not made in 3 working days, escalate; #4's call opens
    time.travelTo(LocalDate.of(2026, 4, 13));
  }

  /** The invoice number of this test's case i. */
  private String n(int i) {
    return prefix + i;
  }

  /** The customer of this test's case i. */
  private String c(int i) {
    return "C-" + n(i);
  }

  /** The tasks a user sees, as "definition key / business key of the case". */
  private List<String> tasksOf(String user) {
    JsonNode tasks = call(user, HttpMethod.GET, "/engine-rest/task", null).body();
    return StreamSupport.stream(tasks.spliterator(), false)
        .map(task -> task.get("taskDefinitionKey").asText() + " / " + businessKey(task))
        .filter(task -> task.contains(prefix))
        .map(task -> task.replace(prefix, "#"))
        .sorted().toList();
  }

  private String businessKey(JsonNode task) {
    return runtime().createProcessInstanceQuery()
        .processInstanceId(task.get("processInstanceId").asText()).singleResult().getBusinessKey();
  }

  private org.camunda.bpm.engine.RuntimeService runtime() {
    return org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getRuntimeService();
  }

  private int claim(String user, Task task) {
    return call(user, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\": \"" + user + "\"}").status();
  }

  private Integer filterCount(String user, String filterName) {
    JsonNode filters = call(user, HttpMethod.GET, "/engine-rest/filter?name="
        + URLEncoder.encode(filterName, StandardCharsets.UTF_8), null).body();
    if (filters.isEmpty()) {
      return null;
    }
    return call(user, HttpMethod.GET, "/engine-rest/filter/" + filters.get(0).get("id").asText() + "/count",
        null).body().get("count").asInt();
  }

  @Test
  void aClerkSeesTheCallsAndNothingElse() {
    assertThat(tasksOf(TestUsers.CLERK)).containsExactly("Task_CallCustomer / C-#4");
    assertThat(claim(TestUsers.CLERK, openTask(n(3), "Task_ReviewDispute"))).isIn(403, 404);
    assertThat(claim(TestUsers.CLERK, openTask(n(1), "Task_SalesFollowUp"))).isIn(403, 404);
    assertThat(claim(TestUsers.CLERK, callTask(c(4)))).isEqualTo(204);
  }

  @Test
  void eachSalesRepSeesTheEscalationsOfTheirOwnCustomers() {
    assertThat(tasksOf(TestUsers.SALES_REP)).containsExactly("Task_SalesFollowUp / #1");
    assertThat(tasksOf(TestUsers.OTHER_SALES_REP)).containsExactly("Task_SalesFollowUp / #2");
    assertThat(claim(TestUsers.SALES_REP, openTask(n(2), "Task_SalesFollowUp"))).isIn(403, 404);
    assertThat(claim(TestUsers.SALES_REP, callTask(c(4)))).isIn(403, 404);
    Answer reported = submitForm(TestUsers.SALES_REP, openTask(n(1), "Task_SalesFollowUp"),
        "{\"salesOutcome\": {\"value\": \"WILL_PAY\"}, \"expectedPaymentDate\": {\"value\": \"2026-04-20\"}}");
    assertThat(reported.status()).isEqualTo(204);
  }

  @Test
  void managersSeeAndWorkEverythingOfCollections() {
    assertThat(tasksOf(TestUsers.MANAGER)).containsExactly(
        "Task_CallCustomer / C-#4", "Task_ReviewDispute / #3",
        "Task_SalesFollowUp / #1", "Task_SalesFollowUp / #2");
    Answer decided = submitForm(TestUsers.MANAGER, openTask(n(3), "Task_ReviewDispute"),
        "{\"disputeResolution\": {\"value\": \"REJECTED\"}, \"disputeNote\": {\"value\": \"Price as agreed\"}}");
    assertThat(decided.status()).isEqualTo(204);
    assertThat(call(TestUsers.MANAGER, HttpMethod.GET,
        "/engine-rest/history/process-instance/count?processDefinitionKey=invoiceCollection", null)
        .body().get("count").asInt()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void auditorsReadEverythingAndChangeNothing() {
    assertThat(tasksOf(TestUsers.AUDITOR)).hasSize(4);
    assertThat(claim(TestUsers.AUDITOR, callTask(c(4)))).isEqualTo(403);
    assertThat(call(TestUsers.AUDITOR, HttpMethod.POST, "/engine-rest/task/"
        + openTask(n(3), "Task_ReviewDispute").getId() + "/complete", "{}").status()).isEqualTo(403);
    String caseId = get("/api/invoices/" + n(1)).text("/caseId");
    assertThat(call(TestUsers.AUDITOR, HttpMethod.PUT, "/engine-rest/process-instance/" + caseId
        + "/variables/dueDate", "{\"value\": \"2030-01-01\"}").status()).isEqualTo(403);
    assertThat(call(TestUsers.AUDITOR, HttpMethod.GET,
        "/engine-rest/history/process-instance/count?processDefinitionKey=invoiceCollection", null)
        .body().get("count").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(call(TestUsers.AUDITOR, HttpMethod.GET,
        "/engine-rest/history/activity-instance/count?processInstanceId=" + caseId, null)
        .body().get("count").asInt()).isPositive();
    assertThat(call(TestUsers.AUDITOR, HttpMethod.GET, "/api/invoices/" + n(1), null).status()).isEqualTo(200);
  }

  @Test
  void clerksAndSalesRepsDoNotReadHistory() {
    for (String user : new String[] {TestUsers.CLERK, TestUsers.SALES_REP}) {
      assertThat(call(user, HttpMethod.GET,
          "/engine-rest/history/process-instance/count?processDefinitionKey=invoiceCollection", null)
          .body().get("count").asInt()).as(user).isZero();
    }
  }

  @Test
  void everyoneHasTheFiltersOfTheirRole() {
    assertThat(filterCount(TestUsers.CLERK, TasklistFilters.CALLS_DUE_TODAY)).isEqualTo(1);
    assertThat(filterCount(TestUsers.CLERK, TasklistFilters.MY_CLAIMED_CALLS)).isZero();
    assertThat(filterCount(TestUsers.CLERK, TasklistFilters.BROKEN_PROMISES)).isZero();
    assertThat(filterCount(TestUsers.CLERK, TasklistFilters.MY_ESCALATIONS)).isNull();
    assertThat(filterCount(TestUsers.SALES_REP, TasklistFilters.MY_ESCALATIONS)).isEqualTo(1);
    assertThat(filterCount(TestUsers.OTHER_SALES_REP, TasklistFilters.MY_ESCALATIONS)).isEqualTo(1);
    assertThat(filterCount(TestUsers.SALES_REP, TasklistFilters.CALLS_DUE_TODAY)).isNull();
    assertThat(filterCount(TestUsers.MANAGER, TasklistFilters.ALL_TASKS)).isEqualTo(4);

    claim(TestUsers.CLERK, callTask(c(4)));
    assertThat(filterCount(TestUsers.CLERK, TasklistFilters.MY_CLAIMED_CALLS)).isEqualTo(1);
  }

  @Test
  void theEngineServicesEnforceTheSameRulesAsTheRestApi() {
    identityService.setAuthentication(TestUsers.CLERK, List.of(CollectionsGroups.CLERKS));
    try {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(n(3)).list()).isEmpty();
      String review = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewDispute").list().stream()
          .map(Task::getId).findFirst().orElse(null);
      assertThat(review).isNull();
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(c(4)).singleResult().getName())
          .isEqualTo("Call the customer");
    } finally {
      identityService.clearAuthentication();
    }
    String reviewId = openTask(n(3), "Task_ReviewDispute").getId();
    identityService.setAuthentication(TestUsers.AUDITOR, List.of(CollectionsGroups.AUDITORS));
    try {
      assertThatThrownBy(() -> taskService.claim(reviewId, TestUsers.AUDITOR))
          .isInstanceOf(AuthorizationException.class);
      assertThat(taskService.createTaskQuery().taskId(reviewId).count()).isOne();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
