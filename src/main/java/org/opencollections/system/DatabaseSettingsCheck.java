package org.opencollections.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops start-up on PostgreSQL (the {@code postgres} profile, or a {@code jdbc:postgresql:} URL)
 * when the connection is not fully configured, naming the environment variables to set. Without it
 * a missing URL would fall back to an in-memory H2 database, and a missing password would show as
 * an authentication failure deep in a stack trace. It runs as a bean factory post-processor: once
 * every setting is known, before the first bean, and so before anything connects.
 *
 * <p>A user and password given in the URL ({@code ?user=...&password=...}) count. A server that asks
 * for no password (trust, peer or certificate authentication) needs
 * {@code collections.database.password-required=false}.
 */
@Component
class DatabaseSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  static final String POSTGRES_PROFILE = "postgres";
  private static final String POSTGRES_URL = "jdbc:postgresql:";

  private Environment environment;

  /** Set before {@link #postProcessBeanFactory}: a post-processor gets no constructor injection. */
  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> missing = missingSettings();
    if (!missing.isEmpty()) {
      throw new DatabaseNotConfiguredException(missing);
    }
  }

  /** The environment variables still to set, empty when nothing is missing or not on PostgreSQL. */
  List<String> missingSettings() {
    String url = environment.getProperty("spring.datasource.url", "").strip();
    boolean postgresUrl = url.startsWith(POSTGRES_URL);
    if (!postgresUrl && !environment.matchesProfiles(POSTGRES_PROFILE)) {
      return List.of();
    }
    Set<String> inUrl = urlParameters(url);
    List<String> missing = new ArrayList<>();
    if (!postgresUrl) {
      missing.add("SPRING_DATASOURCE_URL");
    }
    if (isBlank("spring.datasource.username") && !inUrl.contains("user")) {
      missing.add("SPRING_DATASOURCE_USERNAME");
    }
    if (isBlank("spring.datasource.password") && !inUrl.contains("password")
        && environment.getProperty("collections.database.password-required", Boolean.class, true)) {
      missing.add("SPRING_DATASOURCE_PASSWORD");
    }
    return missing;
  }

  private boolean isBlank(String property) {
    String value = environment.getProperty(property);
    return value == null || value.isBlank();
  }

  private static Set<String> urlParameters(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return Set.of();
    }
    return Arrays.stream(url.substring(query + 1).split("&"))
        .map(parameter -> parameter.split("=", 2)[0])
        .collect(Collectors.toSet());
  }

  /** Start-up stopped: these environment variables are to be set. */
  static final class DatabaseNotConfiguredException extends IllegalStateException {

    private final List<String> missing;

    DatabaseNotConfiguredException(List<String> missing) {
      super("The PostgreSQL connection is not configured: set " + String.join(", ", missing)
          + " (see docs/operations.md)");
      this.missing = List.copyOf(missing);
    }

    List<String> missing() {
      return missing;
    }
  }
}
