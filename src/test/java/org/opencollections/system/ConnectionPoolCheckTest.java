package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConnectionPoolCheckTest {

  @Test
  void startUpIsRefusedWhenTheJobThreadsCouldTakeEveryConnection() {
    // the libraries' defaults: 10 connections, 10 job threads
    assertThatThrownBy(() -> new ConnectionPoolCheck(new MockEnvironment()).afterPropertiesSet())
        .hasMessageContaining("spring.datasource.hikari.maximum-pool-size: 10")
        .hasMessageContaining("camunda.bpm.job-execution.max-pool-size: 10")
        .hasMessageContaining("at least 20");
    MockEnvironment fewerThreads = new MockEnvironment()
        .withProperty("camunda.bpm.job-execution.max-pool-size", "4")
        .withProperty("spring.datasource.hikari.maximum-pool-size", "7");
    assertThatThrownBy(() -> new ConnectionPoolCheck(fewerThreads).afterPropertiesSet())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPoolOfTwiceTheThreadsOrNoJobExecutorLetsItStart() {
    MockEnvironment configured = new MockEnvironment()
        .withProperty("camunda.bpm.job-execution.max-pool-size", "10")
        .withProperty("spring.datasource.hikari.maximum-pool-size", "20");
    assertThatCode(() -> new ConnectionPoolCheck(configured).afterPropertiesSet()).doesNotThrowAnyException();
    MockEnvironment noJobExecutor = new MockEnvironment().withProperty("camunda.bpm.job-execution.enabled", "false");
    assertThatCode(() -> new ConnectionPoolCheck(noJobExecutor).afterPropertiesSet()).doesNotThrowAnyException();
  }
}
