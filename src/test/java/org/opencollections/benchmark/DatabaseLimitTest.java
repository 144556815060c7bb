package org.opencollections.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencollections.benchmark.DatabaseLimit.Result;
import org.opencollections.benchmark.DatabaseLimit.Snapshot;
import org.opencollections.fixtures.Postgres;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link DatabaseLimit} copies exactly the rows written after the snapshot, value for value, with
 * every constraint of the target in force: on H2 and PostgreSQL with a schema made for the test
 * (foreign keys across tables and within one, a composite key, tables without a key, every kind of
 * value), and on H2 with the application's own schema and rows the engine writes.
 */
class DatabaseLimitTest {

  /** The tables of the test schema whose new rows are copied; log_line is skipped. */
  private static final List<String> COPIED = List.of("parent_row", "child_row", "node", "kinds",
      "entry_line", "event_line");

  private static final byte[] SCAN = new byte[70_000];

  static {
    new Random(42).nextBytes(SCAN);
  }

  private final List<DataSource> h2Databases = new ArrayList<>();

  @AfterEach
  void dropH2Databases() {
    h2Databases.forEach(db -> jdbc(db).execute("shutdown"));
  }

  /** The embedded server started for this class; no application context stops it here. */
  @AfterAll
  static void stopPostgres() {
    Postgres.stop();
  }

  @Test
  void copiesTheNewRowsOnH2() {
    copiesTheNewRowsWithEveryConstraintInForce(h2(), h2(), "blob", "clob");
  }

  @Test
  void copiesTheNewRowsOnPostgres() {
    Postgres.Database source = Postgres.freshDatabase();
    Postgres.Database target = Postgres.freshDatabase();
    copiesTheNewRowsWithEveryConstraintInForce(
        new DriverManagerDataSource(source.url(), source.username(), source.password()),
        // as the benchmark may connect: a batch sent as one multi-row insert
        new DriverManagerDataSource(target.url() + "?reWriteBatchedInserts=true", target.username(),
            target.password()),
        "bytea", "text");
  }

  /**
   * Both databases made the same way up to the snapshot, then rows written to the source only: the
   * copy brings the target to the same rows as the source, in batches of two so that tables take
   * several. Written in the order of their names, child_row would come before parent_row; in the
   * order the databases read them, node 10 before its parent node 20.
   */
  private void copiesTheNewRowsWithEveryConstraintInForce(DataSource source, DataSource target,
      String bytesType, String textType) {
    for (DataSource db : List.of(source, target)) {
      createSchema(db, bytesType, textType);
      writeRowsBeforeTheSnapshot(db);
    }
    Snapshot before = DatabaseLimit.snapshot(source);
    writeRowsAfterTheSnapshot(source);

    Result result = DatabaseLimit.copyNewRows(source, before, target, 2);

    assertThat(lowerCase(result.rowsPerTable())).containsOnly(entry("parent_row", 2),
        entry("child_row", 3), entry("node", 3), entry("kinds", 2), entry("entry_line", 2),
        entry("event_line", 2));
    assertThat(lowerCase(result.rowsPerTable()).keySet()).containsSubsequence("parent_row", "child_row");
    assertThat(result.rows()).isEqualTo(14);
    assertThat(result.nanos()).isPositive();
    assertThat(lowerCase(result.skipped())).containsOnlyKeys("log_line");
    assertThat(result.describe())
        .containsIgnoringCase("14 rows written with plain JDBC batches of 2")
        .containsPattern("(?i)child_row +3")
        .containsIgnoringCase("skipped log_line: no primary key");

    for (String table : COPIED) {
      assertThat(rows(target, table)).as(table).containsExactlyInAnyOrderElementsOf(rows(source, table));
    }
    assertThat(rows(target, "log_line")).containsExactly(List.of("before"));
    assertThat(jdbc(target).queryForObject("select payload from kinds where id = 2", byte[].class))
        .isEqualTo(SCAN);

    assertThatThrownBy(() -> jdbc(target).update("insert into child_row values (99, 99, 'orphan')"))
        .as("the foreign key holds on the target")
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThatThrownBy(() -> DatabaseLimit.copyNewRows(source, before, target, 2))
        .as("the rows are there already")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching("(?is)Could not insert rows 1 to 2 of 2 into entry_line: .*")
        .cause()
        .isInstanceOfSatisfying(SQLException.class,
            duplicateKey -> assertThat(duplicateKey.getSQLState()).isEqualTo("23505"));
    assertThat(rows(target, "entry_line")).containsExactlyInAnyOrderElementsOf(rows(source, "entry_line"));
  }

  private static void createSchema(DataSource db, String bytesType, String textType) {
    JdbcTemplate jdbc = jdbc(db);
    jdbc.execute("create table parent_row (id int primary key, name varchar(40) not null unique)");
    jdbc.execute("create table child_row (id int primary key, parent_id int not null references parent_row (id),"
        + " name varchar(40))");
    jdbc.execute("create table node (id int primary key, parent_id int references node (id), name varchar(40))");
    jdbc.execute(("create table kinds (id int primary key, payload %s, note %s, written_at timestamp,"
        + " written_at_zone timestamp with time zone, amount decimal(19,4), settled boolean, due_on date)")
        .formatted(bytesType, textType));
    jdbc.execute("create table entry_line (book varchar(20), line_no int, note varchar(100),"
        + " primary key (book, line_no))");
    jdbc.execute("create table event_line (note varchar(100))");
    jdbc.execute("create table log_line (note varchar(100))");
  }

  private static void writeRowsBeforeTheSnapshot(DataSource db) {
    JdbcTemplate jdbc = jdbc(db);
    jdbc.update("insert into parent_row values (1, 'before')");
    jdbc.update("insert into child_row values (1, 1, 'before')");
    jdbc.update("insert into node values (1, null, 'root before')");
    jdbc.update("insert into kinds values (1, ?, ?, ?, ?, ?, ?, ?)", new byte[] {1, 2, 3}, "before",
        Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 3, 4, 5)),
        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), new BigDecimal("1.0000"), false,
        LocalDate.of(2024, 1, 31));
    jdbc.update("insert into entry_line values ('A', 1, 'before')");
    jdbc.update("insert into log_line values ('before')");
  }

  private static void writeRowsAfterTheSnapshot(DataSource db) {
    JdbcTemplate jdbc = jdbc(db);
    jdbc.update("insert into parent_row values (2, 'after 2'), (3, 'after 3')");
    // child 4 belongs to a parent from before the snapshot
    jdbc.update("insert into child_row values (2, 2, 'after'), (3, 3, null), (4, 1, 'after')");
    // made parents later, so that the database reads the children first
    jdbc.update("insert into node values (10, null, 'leaf'), (20, null, 'branch'), (30, null, 'trunk')");
    jdbc.update("update node set parent_id = 20 where id = 10");
    jdbc.update("update node set parent_id = 30 where id = 20");
    jdbc.update("update node set parent_id = 1 where id = 30");
    jdbc.update("insert into kinds values (2, ?, ?, ?, ?, ?, ?, ?)", SCAN,
        "Grüße, € und 𝄞 — ".repeat(5_000),
        Timestamp.valueOf(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000)),
        OffsetDateTime.of(2024, 2, 29, 23, 59, 58, 654_321_000, ZoneOffset.ofHours(2)),
        new BigDecimal("-12345678.9012"), true, LocalDate.of(2024, 2, 29));
    jdbc.update("insert into kinds (id) values (3)");
    // a composite key: book A is there already, line 2 is not
    jdbc.update("insert into entry_line values ('A', 2, 'after'), ('B', 1, 'after')");
    jdbc.update("insert into event_line values ('first'), ('second')");
    jdbc.update("insert into log_line values ('after')");
  }

  /**
   * The application's schema on H2, made as the application makes it (Flyway's migrations and the
   * engine's create scripts), with rows the engine and the application write: every table has a
   * primary key, and the copy brings the target the same rows the source gained.
   */
  @Test
  void copiesWhatTheEngineAndTheApplicationWrite() {
    DataSource source = h2();
    DataSource target = h2();
    createApplicationSchema(source);
    createApplicationSchema(target);
    assertThat(jdbc(source).queryForList("""
        select table_name from information_schema.tables t
        where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' and not exists (
          select 1 from information_schema.table_constraints c where c.table_schema = t.table_schema
            and c.table_name = t.table_name and c.constraint_type = 'PRIMARY KEY')""", String.class))
        .as("tables without a primary key")
        .isEmpty();

    ProcessEngine engine = engine(source);
    try {
      Map<String, List<List<Object>>> sourceBefore = rows(source);
      Snapshot before = DatabaseLimit.snapshot(source);
      engine.getRepositoryService().createDeployment()
          .addModelInstance("limit.bpmn", Bpmn.createExecutableProcess("limit")
              .startEvent()
              .subProcess().embeddedSubProcess().startEvent().userTask("review").endEvent().subProcessDone()
              .endEvent()
              .done())
          .deploy();
      for (int invoice = 1; invoice <= 20; invoice++) {
        engine.getRuntimeService().startProcessInstanceByKey("limit", "INV-" + invoice,
            Variables.createVariables()
                .putValue("amount", invoice * 100)
                .putValue("disputed", invoice % 2 == 0)
                .putValue("dueOn", new Date(1_700_000_000_000L + invoice))
                .putValue("scan", new byte[] {(byte) invoice, 0, -1}));
      }
      jdbc(source).update("""
          insert into customer (id, name, contact_name, email, phone, locale, sales_rep_email, created_at,
            updated_at, version) values ('C-1', 'Acme', 'Ann', 'ann@acme.example', '+1', 'en', 'rep@example.com',
            current_timestamp, current_timestamp, 0)""");
      jdbc(source).update("""
          insert into invoice (invoice_number, customer_id, amount, currency, balance, issue_date, due_date,
            status, stage, created_at, version) values ('INV-1', 'C-1', 100.5, 'EUR', 100.5, current_date,
            current_date, 'OPEN', 'REMINDER_1', current_timestamp, 0)""");
      Map<String, List<List<Object>>> targetBefore = rows(target);

      Result result = DatabaseLimit.copyNewRows(source, before, target);

      Map<String, List<List<Object>>> sourceAfter = rows(source);
      Map<String, List<List<Object>>> targetAfter = rows(target);
      Map<String, Integer> added = new LinkedHashMap<>();
      for (String table : sourceAfter.keySet()) {
        List<List<Object>> addedToSource = added(sourceBefore.get(table), sourceAfter.get(table));
        assertThat(added(targetBefore.get(table), targetAfter.get(table))).as(table)
            .containsExactlyInAnyOrderElementsOf(addedToSource);
        if (!addedToSource.isEmpty()) {
          added.put(table, addedToSource.size());
        }
      }
      assertThat(result.rowsPerTable()).containsExactlyInAnyOrderEntriesOf(added);
      assertThat(result.rowsPerTable()).contains(entry("ACT_RE_DEPLOYMENT", 1), entry("ACT_HI_PROCINST", 20),
          entry("ACT_RU_EXECUTION", 40), entry("ACT_RU_TASK", 20), entry("CUSTOMER", 1), entry("INVOICE", 1));
      assertThat(result.rowsPerTable().get("ACT_GE_BYTEARRAY")).as("the BPMN and the scans").isGreaterThan(20);
      assertThat(result.skipped()).isEmpty();
    } finally {
      engine.close();
    }
  }

  private static void createApplicationSchema(DataSource db) {
    Flyway.configure().dataSource(db).load().migrate();
    for (String part : List.of("engine", "history", "identity", "case.engine", "case.history",
        "decision.engine", "decision.history")) {
      jdbc(db).execute("runscript from 'classpath:/org/camunda/bpm/engine/db/create/activiti.h2.create."
          + part + ".sql'");
    }
  }

  /** An engine on the schema as it is, with the application's kind of ids (random UUIDs). */
  private static ProcessEngine engine(DataSource db) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setIdGenerator(new StrongUuidGenerator());
    return configuration
        .setProcessEngineName("database-limit-test")
        .setDataSource(db)
        .setDatabaseSchemaUpdate("false")
        .setHistory("full")
        .setJobExecutorActivate(false)
        .setMetricsEnabled(false)
        .buildProcessEngine();
  }

  private DataSource h2() {
    DataSource db = new DriverManagerDataSource("jdbc:h2:mem:limit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2Databases.add(db);
    return db;
  }

  private static JdbcTemplate jdbc(DataSource db) {
    return new JdbcTemplate(db);
  }

  /** The rows of every table of the H2 database. */
  private static Map<String, List<List<Object>>> rows(DataSource db) {
    return jdbc(db).queryForList("select table_name from information_schema.tables"
            + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class).stream()
        // quoted: Flyway's table is in lower case
        .collect(Collectors.toMap(table -> table, table -> rows(db, '"' + table + '"')));
  }

  /** The table's rows, each value comparable with equals: bytes in hex, character objects as strings. */
  private static List<List<Object>> rows(DataSource db, String table) {
    return jdbc(db).query("select * from " + table, (row, number) -> {
      List<Object> values = new ArrayList<>();
      for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
        Object value = row.getObject(column);
        if (value instanceof Blob blob) {
          value = blob.getBytes(1, (int) blob.length());
        } else if (value instanceof Clob clob) {
          value = clob.getSubString(1, (int) clob.length());
        }
        values.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
      }
      return values;
    });
  }

  /** The rows of {@code after} that {@code before} did not hold, each row counted as often as it is there. */
  private static List<List<Object>> added(List<List<Object>> before, List<List<Object>> after) {
    List<List<Object>> added = new ArrayList<>(after);
    before.forEach(added::remove);
    return added;
  }

  private static <V> Map<String, V> lowerCase(Map<String, V> byTable) {
    return byTable.entrySet().stream().collect(Collectors.toMap(
        table -> table.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
