package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The retention comes from configuration, not from the diagrams, and the cleanup honours it. */
@TestPropertySource(properties = {"collections.history.retention-days=30",
    "collections.history.cleanup-window-start=01:00", "collections.history.cleanup-window-end=04:00"})
class HistoryRetentionIT extends IntegrationTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryRetention retention;

  @Test
  void everyDeployedVersionKeepsItsHistoryForTheConfiguredDays() {
    // the diagrams in processes/ say 3650 days
    assertThat(repositoryService.createProcessDefinitionQuery().list())
        .isNotEmpty().extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(30);
    assertThat(repositoryService.createDecisionDefinitionQuery().list())
        .isNotEmpty().extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(30);
    assertThat(retention.apply()).isZero();
  }

  @Test
  void theCleanupIsScheduledInTheNightlyWindow() {
    var jobs = historyService.findHistoryCleanupJobs();
    assertThat(jobs).isNotEmpty();
    LocalTime due = jobs.get(0).getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
    assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(4, 0));
  }

  @Test
  void theHistoryOfACaseThatEndedLongerAgoThanTheRetentionIsDeleted() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(post("/api/invoices", invoice("HR-1")).status()).isEqualTo(201);
    time.runDueJobs();
    assertThat(post("/api/payments", payment("HR-1", "1250.00", "EUR", "2026-03-03", "HR-P-1")).status())
        .isEqualTo(201);
    time.runDueJobs();
    String caseId = get("/api/invoices/HR-1").text("/caseId");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult()
        .getRemovalTime().toInstant()).isEqualTo(Instant.parse("2026-04-01T10:00:00Z"));

    // 29 days later the history is still there; after 30 days the cleanup deletes it
    cleanUpAt(Instant.parse("2026-03-31T10:00:00Z"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
    cleanUpAt(Instant.parse("2026-04-01T10:00:01Z"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(caseId).count()).isZero();
    // the invoice's own records stay
    assertThat(get("/api/invoices/HR-1").text("/status")).isEqualTo("PAID");
  }

  /** Runs the engine's cleanup at that moment, as it would in the nightly window. */
  private void cleanUpAt(Instant moment) {
    time.setNow(moment);
    String jobId = historyService.cleanUpHistoryAsync(true).getId();
    managementService.executeJob(jobId);
  }
}
