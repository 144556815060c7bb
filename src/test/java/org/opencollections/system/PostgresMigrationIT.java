package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencollections.OpenCollectionsApplication;
import org.opencollections.fixtures.Postgres;
import org.opencollections.invoice.Invoices;
import org.opencollections.reports.AgingReport;
import org.opencollections.system.DatabaseSettingsCheck.DatabaseNotConfiguredException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The schema on PostgreSQL, as operators meet it: the application started with the {@code postgres}
 * profile on a fresh database creates the engine's tables and applies every Flyway migration, and
 * Hibernate validates its entities against them; started again it changes nothing. A database left
 * at an older migration, with rows in it, is brought up to date and keeps them. Without its
 * password, start-up stops before connecting and names the environment variable to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresMigrationIT {

  private static final List<String> APPLICATION_TABLES = List.of("bank_entry", "bank_statement",
      "contact_log", "credit_hold", "customer", "customer_bank_account", "invoice", "late_charge",
      "outbox_mail", "payment", "payment_plan", "plan_instalment");

  /** The application as an operator starts it, with the connection on the command line. */
  private static ConfigurableApplicationContext start(String... settings) {
    String[] arguments = Stream.concat(Stream.of("--server.port=0"), Arrays.stream(settings))
        .toArray(String[]::new);
    return new SpringApplicationBuilder(OpenCollectionsApplication.class)
        // the test profile brings the administrator and the mail settings; job executor off
        .profiles("test", "postgres")
        .run(arguments);
  }

  private static ConfigurableApplicationContext start(Postgres.Database database) {
    return start("--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + database.username(),
        "--spring.datasource.password=" + database.password());
  }

  private static JdbcTemplate jdbc(Postgres.Database database) {
    return new JdbcTemplate(dataSource(database));
  }

  private static DataSource dataSource(Postgres.Database database) {
    return new DriverManagerDataSource(database.url(), database.username(), database.password());
  }

  /** The versions of the migration files the application ships, V1 to the latest. */
  private static List<String> migrationVersions() {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
      return Arrays.stream(files)
          .map(file -> file.getFilename().substring(1, file.getFilename().indexOf("__")))
          .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything a start could change: migrations, tables and columns, indexes, engine schema, deployments. */
  private static List<String> schema(JdbcTemplate jdbc) {
    List<String> schema = new ArrayList<>();
    schema.addAll(jdbc.queryForList("""
        select version || ' ' || checksum || ' ' || installed_on || ' ' || success
        from flyway_schema_history order by installed_rank""", String.class));
    schema.addAll(jdbc.queryForList("""
        select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
        from information_schema.columns where table_schema = current_schema()
        order by table_name, column_name""", String.class));
    schema.addAll(jdbc.queryForList("select indexdef from pg_indexes where schemaname = current_schema()"
        + " order by indexname", String.class));
    schema.addAll(jdbc.queryForList("select id_ || ' ' || version_ from act_ge_schema_log order by id_",
        String.class));
    schema.addAll(jdbc.queryForList("select id_ || ' ' || name_ from act_re_deployment order by id_",
        String.class));
    return schema;
  }

  private static OffsetDateTime noon(int year, int month, int day) {
    return OffsetDateTime.of(year, month, day, 12, 0, 0, 0, ZoneOffset.UTC);
  }

  @Test
  void aFreshDatabaseGetsTheEngineTablesAndEveryMigrationAndASecondStartChangesNothing() {
    Postgres.Database database = Postgres.freshDatabase();
    JdbcTemplate jdbc = jdbc(database);
    List<String> afterFirstStart;

    try (ConfigurableApplicationContext application = start(database)) {
      // entities are validated against the tables (ddl-auto validate): the context would not start otherwise
      assertThat(application.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
      assertThat(application.getBean(ProcessEngine.class).getProcessEngineConfiguration().getDatabaseType())
          .isEqualTo("postgres");
      assertThat(jdbc.queryForList("select version from flyway_schema_history where success order by installed_rank",
          String.class)).isEqualTo(migrationVersions()).hasSizeGreaterThanOrEqualTo(7);
      assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Long.class))
          .isZero();
      assertThat(jdbc.queryForList("select table_name from information_schema.tables"
          + " where table_schema = current_schema() and table_name not like 'act\\_%'"
          + " and table_name <> 'flyway_schema_history' order by table_name", String.class))
          .isEqualTo(APPLICATION_TABLES);
      assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).contains("7.24.0");
      assertThat(jdbc.queryForList("select table_name from information_schema.tables"
          + " where table_schema = current_schema()", String.class))
          .contains("act_ru_execution", "act_ru_job", "act_hi_procinst", "act_id_user", "act_re_procdef");
      assertThat(jdbc.queryForList("select key_ from act_re_procdef", String.class))
          .contains("invoiceCollection", "customerCall", "paymentPlan", "creditHoldChange");
      afterFirstStart = schema(jdbc);
    }

    try (ConfigurableApplicationContext again = start(database)) {
      assertThat(schema(jdbc)).isEqualTo(afterFirstStart);
    }
  }

  @Test
  void aDatabaseAtAnOlderMigrationIsBroughtUpToDateAndKeepsItsRows() {
    Postgres.Database database = Postgres.freshDatabase();
    Flyway.configure().dataSource(dataSource(database)).locations("classpath:db/migration").target("5")
        .load().migrate();
    JdbcTemplate jdbc = jdbc(database);
    jdbc.update("""
        insert into customer (id, name, contact_name, email, phone, locale, sales_rep_email, created_at,
                              updated_at, version)
        values ('C-OLD', 'Ångström Bygg AB', 'Åke Ström', 'ake@bygg.example', '+46 8 1', 'sv-SE',
                'sam.sales@northwind.example', '2026-01-05 09:00+00', '2026-01-05 09:00+00', 0)""");
    String invoice = """
        insert into invoice (invoice_number, customer_id, amount, currency, balance, issue_date, due_date,
                             status, stage, created_at, version)
        values (?, 'C-OLD', ?, 'SEK', ?, '2026-01-05', '2026-02-04', ?, ?, '2026-01-05 09:00+00', 0)""";
    jdbc.update(invoice, "OLD-1", new BigDecimal("1000.00"), BigDecimal.ZERO, "PAID", "SETTLED");
    jdbc.update(invoice, "OLD-2", new BigDecimal("500.00"), new BigDecimal("500.00"), "CANCELLED", "CANCELLED");
    jdbc.update(invoice, "OLD-3", new BigDecimal("2000.00"), new BigDecimal("1500.00"), "OPEN", "OVERDUE_NOTICE_SENT");
    String payment = """
        insert into payment (reference, invoice_id, amount, currency, paid_on, recorded_at, recorded_by)
        values (?, (select id from invoice where invoice_number = ?), ?, 'SEK', ?, ?, 'billing')""";
    // reported out of order: the later value date came first
    jdbc.update(payment, "B-1", "OLD-1", new BigDecimal("400.00"), LocalDate.of(2026, 2, 20), noon(2026, 2, 20));
    jdbc.update(payment, "B-2", "OLD-1", new BigDecimal("600.00"), LocalDate.of(2026, 2, 10), noon(2026, 2, 21));
    jdbc.update(payment, "B-3", "OLD-3", new BigDecimal("500.00"), LocalDate.of(2026, 2, 15), noon(2026, 2, 15));
    jdbc.update("""
        insert into contact_log (invoice_id, occurred_at, channel, kind, note, actor)
        values ((select id from invoice where invoice_number = 'OLD-2'), '2026-02-12 15:30+00', 'DECISION',
                'CANCELLED', 'Credit note CN-7', 'billing')""");

    try (ConfigurableApplicationContext application = start(database)) {
      assertThat(jdbc.queryForList("select version from flyway_schema_history where success order by installed_rank",
          String.class)).isEqualTo(migrationVersions());
      // V6 dates the closed invoices: the last payment's value date, the cancellation's day
      assertThat(jdbc.queryForList("select invoice_number || ' ' || coalesce(cast(closed_on as varchar), '-')"
          + " from invoice order by invoice_number", String.class))
          .containsExactly("OLD-1 2026-02-20", "OLD-2 2026-02-12", "OLD-3 -");
      assertThat(application.getBean(Invoices.class).findByInvoiceNumber("OLD-3")).hasValueSatisfying(old -> {
        assertThat(old.getDueDate()).isEqualTo(LocalDate.of(2026, 2, 4));
        assertThat(old.getBalance()).isEqualByComparingTo("1500.00");
      });
      // the report reads the migrated rows: on 18 February OLD-1 still owed 400.00, OLD-3 1500.00
      var aging = application.getBean(AgingReport.class).asOf(LocalDate.of(2026, 2, 18));
      assertThat(aging.lines()).singleElement().satisfies(line -> {
        assertThat(line.customerId()).isEqualTo("C-OLD");
        assertThat(line.invoices()).isEqualTo(2);
        assertThat(line.buckets().total()).isEqualByComparingTo("1900.00");
      });
    }
  }

  @Test
  void withoutAPasswordStartUpStopsBeforeConnectingAndNamesTheVariable(CapturedOutput output) {
    Postgres.Database database = Postgres.freshDatabase();

    assertThatThrownBy(() -> start("--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + database.username()))
        .isInstanceOf(DatabaseNotConfiguredException.class)
        .hasMessageContaining("SPRING_DATASOURCE_PASSWORD");

    assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
        "The PostgreSQL connection is not configured. Missing: SPRING_DATASOURCE_PASSWORD.",
        "Set SPRING_DATASOURCE_PASSWORD in the environment")
        .doesNotContain("password authentication failed", "SCRAM");
    assertThat(jdbc(database).queryForObject("select count(*) from information_schema.tables"
        + " where table_schema = current_schema()", Long.class)).isZero();
  }

  @Test
  void withoutAUrlStartUpStopsInsteadOfFallingBackToAnEmbeddedDatabase() {
    assertThatThrownBy(() -> start("--spring.datasource.username=collections",
        "--spring.datasource.password=secret"))
        .isInstanceOf(DatabaseNotConfiguredException.class)
        .hasMessageContaining("SPRING_DATASOURCE_URL")
        .hasMessageNotContaining("SPRING_DATASOURCE_PASSWORD");
  }
}
