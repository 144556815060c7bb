package org.opencollections.system;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Start-up refuses to run without a configured administrator: no profile but the demo one ships a
 * password, so the first administrator's comes from configuration.
 */
@Component
class AdminAccountCheck implements InitializingBean {

  private final Environment environment;

  AdminAccountCheck(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    String id = environment.getProperty("camunda.bpm.admin-user.id");
    String password = environment.getProperty("camunda.bpm.admin-user.password");
    if (id == null || id.isBlank() || password == null || password.isBlank()) {
      throw new IllegalStateException("No administrator is configured. Set camunda.bpm.admin-user.id"
          + " and camunda.bpm.admin-user.password (environment: CAMUNDA_BPM_ADMINUSER_ID and"
          + " CAMUNDA_BPM_ADMINUSER_PASSWORD); the demo profile has a demo administrator.");
    }
  }
}
