package org.opencollections.system;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Start-up refuses a database connection pool smaller than twice the job executor's threads. A
 * step that sends a mail holds two connections at once (its own, and the outbox's, which commits on
 * its own before the mail goes to SMTP), so with a smaller pool a wave of mails can leave every
 * thread holding one connection and waiting for a second, until the pool's timeout fails them all
 * and the mails they had handed over wait as "may have gone out" incidents.
 */
@Component
class ConnectionPoolCheck implements InitializingBean {

  /** Hikari's and Camunda's own defaults, when the property is not set. */
  private static final int DEFAULT_POOL = 10;
  private static final int DEFAULT_JOB_THREADS = 10;

  private final Environment environment;

  ConnectionPoolCheck(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    if (!environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true)) {
      return;
    }
    int threads = environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class,
        DEFAULT_JOB_THREADS);
    int pool = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class,
        DEFAULT_POOL);
    if (pool < 2 * threads) {
      throw new IllegalStateException("The database connection pool (spring.datasource.hikari."
          + "maximum-pool-size: " + pool + ") must hold at least twice the job executor's threads"
          + " (camunda.bpm.job-execution.max-pool-size: " + threads + "), since a step that sends"
          + " a mail holds two connections at once. Set the pool to at least " + 2 * threads
          + " plus what web requests need, or use fewer threads.");
    }
  }
}
