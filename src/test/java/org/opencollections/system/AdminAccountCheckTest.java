package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminAccountCheckTest {

  @Test
  void startUpIsRefusedWithoutAConfiguredAdministrator() {
    assertThatThrownBy(() -> new AdminAccountCheck(new MockEnvironment()).afterPropertiesSet())
        .hasMessageContaining("camunda.bpm.admin-user.password")
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD");
    MockEnvironment noPassword = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", " ");
    assertThatThrownBy(() -> new AdminAccountCheck(noPassword).afterPropertiesSet())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aConfiguredAdministratorLetsItStart() {
    MockEnvironment configured = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "a long secret");
    assertThatCode(() -> new AdminAccountCheck(configured).afterPropertiesSet()).doesNotThrowAnyException();
  }
}
