package org.opencollections.system;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every deployed process and decision on the configured retention, whatever its diagram
 * says: at start-up, after {@code processes/} is deployed, before a deployment over the REST API
 * (Camunda Modeler) answers ({@link RestDeploymentFilter}), and every hour for versions deployed
 * any other way. Retention is a policy of the business, not of one diagram.
 */
@Component
class HistoryRetention {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  private final RepositoryService repositoryService;
  private final int days;

  HistoryRetention(RepositoryService repositoryService, HistoryProperties properties) {
    this.repositoryService = repositoryService;
    this.days = properties.retentionDays();
  }

  @EventListener(ContextRefreshedEvent.class)
  void atStartUp() {
    apply();
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
  void hourly() {
    apply();
  }

  /** Sets the retention on every definition that has another; returns how many changed. */
  int apply() {
    int changed = 0;
    for (var definition : repositoryService.createProcessDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    for (var definition : repositoryService.createDecisionDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repositoryService.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    if (changed > 0) {
      log.info("History retention set to {} days on {} process and decision versions", days, changed);
    }
    return changed;
  }
}
