package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencollections.system.DatabaseSettingsCheck.DatabaseNotConfiguredException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class DatabaseSettingsCheckTest {

  private static DatabaseSettingsCheck check(MockEnvironment environment) {
    DatabaseSettingsCheck check = new DatabaseSettingsCheck();
    check.setEnvironment(environment);
    return check;
  }

  private static MockEnvironment postgresProfile() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");
    return environment;
  }

  @Test
  void theEmbeddedH2DatabaseNeedsNothing() {
    MockEnvironment h2 = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/x")
        .withProperty("spring.datasource.username", "sa");
    assertThat(check(h2).missingSettings()).isEmpty();
  }

  @Test
  void thePostgresProfileNamesEverySettingThatIsMissing() {
    assertThat(check(postgresProfile()).missingSettings())
        .containsExactly("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    // an H2 URL is no PostgreSQL connection
    assertThat(check(postgresProfile().withProperty("spring.datasource.url", "jdbc:h2:mem:x")
        .withProperty("spring.datasource.username", "sa").withProperty("spring.datasource.password", "x"))
        .missingSettings()).containsExactly("SPRING_DATASOURCE_URL");
  }

  @Test
  void aPostgresqlUrlWithoutAPasswordIsRefusedEvenWithoutTheProfile() {
    MockEnvironment noPassword = new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/collections")
        .withProperty("spring.datasource.username", "collections")
        .withProperty("spring.datasource.password", " ");
    DatabaseSettingsCheck check = check(noPassword);

    assertThat(check.missingSettings()).containsExactly("SPRING_DATASOURCE_PASSWORD");
    assertThatThrownBy(() -> check.postProcessBeanFactory(new DefaultListableBeanFactory()))
        .isInstanceOf(DatabaseNotConfiguredException.class)
        .hasMessage("The PostgreSQL connection is not configured: set SPRING_DATASOURCE_PASSWORD"
            + " (see docs/operations.md)");
  }

  @Test
  void credentialsInTheUrlOrAServerWithoutPasswordsNeedNone() {
    assertThat(check(postgresProfile().withProperty("spring.datasource.url",
        "jdbc:postgresql://db:5432/collections?user=collections&password=secret&ssl=true"))
        .missingSettings()).isEmpty();
    MockEnvironment trust = postgresProfile()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/collections")
        .withProperty("spring.datasource.username", "collections")
        .withProperty("collections.database.password-required", "false");
    assertThat(check(trust).missingSettings()).isEmpty();
    assertThatCode(() -> check(trust).postProcessBeanFactory(new DefaultListableBeanFactory()))
        .doesNotThrowAnyException();
  }

  @Test
  void theFailureReportSaysWhatToSetWithoutAStackTrace() {
    FailureAnalysis analysis = new DatabaseSettingsFailureAnalyzer().analyze(
        new IllegalStateException(new DatabaseNotConfiguredException(java.util.List.of("SPRING_DATASOURCE_PASSWORD"))));

    assertThat(analysis.getDescription())
        .isEqualTo("The PostgreSQL connection is not configured. Missing: SPRING_DATASOURCE_PASSWORD.");
    assertThat(analysis.getAction()).startsWith("Set SPRING_DATASOURCE_PASSWORD in the environment")
        .contains("COLLECTIONS_DATABASE_PASSWORDREQUIRED=false");
  }
}
