package org.opencollections.reports;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.opencollections.fixtures.Postgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * How long {@link AgingReport#asOf} takes over many invoices on the default H2 file database, or
 * on PostgreSQL 14. Not a test: it asserts nothing and is no part of {@code ./mvnw verify}. Run it
 * with {@code ./mvnw -o -Pbenchmark test} (see docs/PERFORMANCE.md); it prints the data mix, the
 * machine and the median, minimum and maximum of the measured runs.
 *
 * <p>Each data set is written anew into a file database under {@code target/benchmark}, migrated
 * by Flyway as the application does, and filled with JDBC batch inserts from a fixed seed, so two
 * runs measure the same rows. With {@code benchmark.database=postgres} the same rows go into a new
 * database of the embedded PostgreSQL 14 server of the tests ({@link Postgres}: a database with a
 * user of its own, as an operator sets one up), through the same Flyway migrations, and are then
 * vacuumed and analysed; the harness prints the server's version and the settings that matter
 * for speed.
 *
 * <p>System properties: {@code benchmark.database} ({@code h2}, or {@code postgres}),
 * {@code benchmark.invoices} (1000000),
 * {@code benchmark.customers} (2000), {@code benchmark.warmups} (5), {@code benchmark.runs} (15),
 * {@code benchmark.plainRuns} (runs of the plain per-invoice query, for comparison; 0 skips it),
 * {@code benchmark.sets} (mixed,open), {@code benchmark.migrateTo} (the schema version, latest
 * unless given: 6 measures without the report's indexes), {@code benchmark.reuse} (false: true measures the rows an
 * earlier run wrote, after migrating them to the current schema; H2 only, as the embedded
 * PostgreSQL server and its data go when the JVM ends), {@code benchmark.urlOptions} (appended to
 * the database URL: H2 settings, e.g. {@code ;CACHE_SIZE=131072}; for PostgreSQL driver
 * parameters after {@code ?reWriteBatchedInserts=true}, e.g. {@code &prepareThreshold=0}),
 * {@code benchmark.vacuum} (PostgreSQL only; true: {@code VACUUM ANALYZE} of the tables written
 * to, once migrated, the state autovacuum leaves them in within minutes; false: {@code ANALYZE}
 * only, which leaves the row versions V8's update of every invoice left behind, and autovacuum
 * may then clean them up during the timed runs), {@code benchmark.explain} (false: true prints,
 * after the timed runs of each day, the plan of each of the report's queries as the database ran
 * it, with {@code EXPLAIN (ANALYZE, BUFFERS)} on PostgreSQL and {@code EXPLAIN ANALYZE} on H2).
 */
public final class AgingBenchmark {

  /** The last day of the data: "today" for the report. */
  static final LocalDate TODAY = LocalDate.of(2026, 10, 31);
  /** A past day for the report, when much that is settled now was still open. */
  static final LocalDate PAST = LocalDate.of(2026, 4, 30);
  private static final LocalDate FIRST_ISSUE = TODAY.minusDays(729);
  private static final String[] CURRENCIES = {"EUR", "SEK", "JPY"};
  private static final int[] PAYMENT_TERMS = {14, 30, 30, 60};
  private static final int BATCH = 5_000;
  /** The schema the rows are written into: the last one before the report's indexes. */
  private static final String ROWS_WRITTEN_AT = "6";

  private final int invoices = Integer.getInteger("benchmark.invoices", 1_000_000);
  private final int customers = Integer.getInteger("benchmark.customers", 2_000);
  private final int warmups = Integer.getInteger("benchmark.warmups", 5);
  private final int runs = Integer.getInteger("benchmark.runs", 15);
  private final int plainRuns = Integer.getInteger("benchmark.plainRuns", 0);
  private final String migrateTo = System.getProperty("benchmark.migrateTo", "latest");
  private final Path folder = Path.of(System.getProperty("benchmark.dir", "target/benchmark"));
  private final boolean explain = Boolean.getBoolean("benchmark.explain");
  private final boolean vacuum = Boolean.parseBoolean(System.getProperty("benchmark.vacuum", "true"));
  private final Engine engine = Engine.named(System.getProperty("benchmark.database", "h2"));
  /** PostgreSQL's settings that matter most for speed, printed whatever their source. */
  private static final List<String> POSTGRES_SETTINGS = List.of("shared_buffers", "work_mem",
      "effective_cache_size", "maintenance_work_mem", "synchronous_commit", "fsync",
      "full_page_writes", "wal_level", "max_connections", "max_parallel_workers_per_gather",
      "random_page_cost", "jit", "autovacuum");

  /** The database the rows are written into and the report reads. */
  enum Engine {
    H2("h2", "explain analyze "), POSTGRES("postgres", "explain (analyze, buffers) ");

    final String name;
    final String explain;

    Engine(String name, String explain) {
      this.name = name;
      this.explain = explain;
    }

    static Engine named(String name) {
      return Arrays.stream(values()).filter(engine -> engine.name.equals(name.strip())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Unknown benchmark.database " + name));
    }
  }

  /** The connection settings of one data set's database, and where it is, for the output. */
  private record Store(String url, String username, String password, String where) {
  }

  /** Which invoices are written: a realistic mix, or every invoice still open (the worst case). */
  enum DataSet {
    MIXED("mixed", "issued over two years; about 80% settled (12% of those in two payments), "
        + "4% cancelled, the rest open, a quarter of those partly paid"),
    OPEN("open", "every invoice still open today (the worst case), a fifth of them partly paid");

    final String name;
    final String description;

    DataSet(String name, String description) {
      this.name = name;
      this.description = description;
    }
  }

  public static void main(String[] args) throws Exception {
    new AgingBenchmark().run();
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    printMachine();
    try {
      if (engine == Engine.POSTGRES) {
        printPostgresServer();
      }
      for (String name : System.getProperty("benchmark.sets", "mixed,open").split(",")) {
        DataSet set = Arrays.stream(DataSet.values()).filter(s -> s.name.equals(name.strip()))
            .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown data set " + name));
        measure(set);
      }
      if (engine == Engine.POSTGRES) {
        String directory = new JdbcTemplate(Postgres.superuser("postgres"))
            .queryForObject("show data_directory", String.class);
        System.out.printf("%nThe server's data directory %s: %d MB (every data set, WAL included)%n",
            directory, bytes(Path.of(directory)) / (1024 * 1024));
      }
    } finally {
      if (engine == Engine.POSTGRES) {
        // No application context runs in this JVM to stop the server (see Postgres#stop).
        Postgres.stop();
      }
    }
    Path loadAverage = Path.of("/proc/loadavg");
    if (Files.isReadable(loadAverage)) {
      System.out.println("Load average (1, 5, 15 min) at end: " + Files.readString(loadAverage).strip());
    }
    System.out.printf("Benchmark took %d s%n", (System.nanoTime() - started) / 1_000_000_000);
  }

  /** A database file under the folder, or a new database of the embedded PostgreSQL server. */
  private Store store(DataSet set) {
    String urlOptions = System.getProperty("benchmark.urlOptions", "");
    if (engine == Engine.POSTGRES) {
      Postgres.Database database = Postgres.freshDatabase();
      // The driver sends a batch of inserts as multi-row inserts.
      return new Store(database.url() + "?reWriteBatchedInserts=true" + urlOptions,
          database.username(), database.password(), "database " + database.username()
          + " of the embedded PostgreSQL server");
    }
    Path database = folder.resolve("aging-" + set.name);
    return new Store("jdbc:h2:file:" + database.toAbsolutePath() + urlOptions, "sa", "",
        database + ".mv.db");
  }

  private void measure(DataSet set) throws Exception {
    System.out.printf("%n== Data set '%s': %s%n", set.name, set.description);
    Path database = folder.resolve("aging-" + set.name);
    boolean reuse = Boolean.getBoolean("benchmark.reuse");
    if (reuse && engine == Engine.POSTGRES) {
      System.out.println("benchmark.reuse is for H2 only: the rows are written anew");
      reuse = false;
    }
    reuse = reuse && Files.exists(Path.of(database + ".mv.db"));
    if (!reuse && engine == Engine.H2) {
      deleteDatabase(database);
    }
    Store store = store(set);
    try (HikariDataSource dataSource = dataSource(store)) {
      if (reuse) {
        System.out.println("Reusing the rows written by an earlier run into " + store.where());
      } else {
        // The rows go into the schema the application had before the report's indexes, which are
        // then built as an upgrade builds them over the rows already there.
        Flyway.configure().dataSource(dataSource).target(ROWS_WRITTEN_AT).load().migrate();
        long started = System.nanoTime();
        generate(dataSource, set);
        System.out.printf("Written in %d s into %s%n",
            (System.nanoTime() - started) / 1_000_000_000, store.where());
      }
      long started = System.nanoTime();
      Flyway.configure().dataSource(dataSource).target(migrateTo).load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      System.out.printf("Schema version %s, migrated in %d s%n", jdbc.queryForObject(
          "select max(\"version\") from \"flyway_schema_history\"", String.class),
          (System.nanoTime() - started) / 1_000_000_000);
      if (engine == Engine.POSTGRES) {
        String command = vacuum ? "vacuum analyze" : "analyze";
        started = System.nanoTime();
        jdbc.execute((Statement sql) -> {
          // The embedded server commits asynchronously (synchronous_commit off). VACUUM marks a
          // row committed, and its page all-visible as index-only scans need, only once the log
          // holds the commit on disk, which PostgreSQL tells by groups of 32 transactions: one
          // recent asynchronous commit (ANALYZE's own, Flyway's last) holds back the whole group.
          // Committing synchronously in this session writes out the log before and meanwhile.
          sql.execute("set synchronous_commit to on");
          sql.execute("select txid_current()");
          // The tables the rows were written to; the others are empty.
          sql.execute(command + " customer, invoice, payment");
          return sql.execute("reset synchronous_commit");
        });
        System.out.printf("%s customer, invoice, payment in %d s: %s%n", command.toUpperCase(),
            (System.nanoTime() - started) / 1_000_000_000, vacuum
                ? "the planner's statistics and the tables cleaned up, as autovacuum leaves them "
                    + "within minutes after so many new and updated rows"
                : "the planner's statistics, as autovacuum would gather them in time; no VACUUM, "
                    + "so autovacuum may clean up the tables during the timed runs");
        Thread.sleep(1_000); // the server's statistics of the tables lag by up to half a second
        printTables(jdbc, "after " + command.toUpperCase());
      }
      printMix(jdbc);
      if (engine == Engine.POSTGRES) {
        System.out.printf("Database size: %d MB (pg_database_size; the WAL is counted at the end)%n",
            jdbc.queryForObject("select pg_database_size(current_database())", Long.class) / (1024 * 1024));
      }
    }
    if (engine == Engine.H2) {
      System.out.printf("Database file: %d MB%n", Files.size(Path.of(database + ".mv.db")) / (1024 * 1024));
    } else {
      System.out.println("A new connection pool, as after a restart of the application; the server "
          + "keeps running: its shared buffers and the OS page cache keep what they hold");
    }
    // A fresh start, as after a restart of the application: on H2 nothing of the writing is left in
    // memory once its last connection closed.
    try (HikariDataSource dataSource = dataSource(store)) {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      AgingReport report = new AgingReport(jdbc);
      PlainAging plain = new PlainAging(jdbc);
      for (LocalDate day : List.of(TODAY, PAST)) {
        String label = day.equals(TODAY) ? "today " + day : "past  " + day;
        long started = System.nanoTime();
        Aging aging = report.asOf(day);
        System.out.printf("  first call after start: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        System.out.printf("%s: %d lines, %d invoices counted, totals %s%n", label, aging.lines().size(),
            aging.lines().stream().mapToLong(AgingLine::invoices).sum(), aging.totals());
        time("AgingReport.asOf " + label, warmups, runs, jdbc, () -> report.asOf(day));
        if (plainRuns > 0) {
          System.out.printf("  plain query gives the same aging: %s%n",
              AgingComparison.same(plain.asOf(day), aging));
          time("plain query      " + label, 1, plainRuns, jdbc, () -> plain.asOf(day));
        }
        if (explain) {
          System.out.println("  The report's queries as the database ran them:");
          new AgingReport(new ExplainingJdbcTemplate(dataSource, engine.explain)).asOf(day);
        }
      }
      if (engine == Engine.POSTGRES) {
        printTables(jdbc, "after the timed runs");
      }
    }
  }

  private static HikariDataSource dataSource(Store store) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(store.url());
    dataSource.setUsername(store.username());
    dataSource.setPassword(store.password());
    return dataSource;
  }

  /**
   * Prints how the database runs each query the report asks with arguments, then runs it as
   * asked: the plans are of the report's own SQL.
   */
  private static final class ExplainingJdbcTemplate extends JdbcTemplate {

    private final String explain;

    ExplainingJdbcTemplate(DataSource dataSource, String explain) {
      super(dataSource);
      this.explain = explain;
    }

    private void print(String sql, Object... args) {
      long started = System.nanoTime();
      List<String> plan = queryForList(explain + sql, String.class, args);
      System.out.printf("%s    with %s, explained in %d ms:%n", sql.strip().indent(4),
          Arrays.toString(args), (System.nanoTime() - started) / 1_000_000);
      plan.forEach(line -> System.out.println(line.indent(6).stripTrailing()));
    }

    @Override
    public void query(String sql, RowCallbackHandler handler, Object... args) {
      print(sql, args);
      super.query(sql, handler, args);
    }

    @Override
    public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) {
      print(sql, args);
      return super.queryForObject(sql, requiredType, args);
    }
  }

  /**
   * Runs the task and measures it. Before each run an invoice and a payment are written to, as the
   * application writes all the time: H2 hands back the last result of a query asked again with the
   * same parameters while none of its tables was written to, and a measured run must compute the
   * report.
   */
  private static void time(String what, int warmups, int runs, JdbcTemplate jdbc, Runnable task) {
    Runnable write = () -> {
      jdbc.update("update invoice set version = version + 1 where id = 1");
      jdbc.update("update payment set recorded_at = recorded_at + interval '1' second where id = 1");
    };
    for (int i = 0; i < warmups; i++) {
      write.run();
      task.run();
    }
    long[] millis = new long[runs];
    for (int i = 0; i < runs; i++) {
      write.run();
      long started = System.nanoTime();
      task.run();
      millis[i] = (System.nanoTime() - started) / 1_000_000;
    }
    Arrays.sort(millis);
    long median = runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    System.out.printf("  %s: median %d ms, min %d ms, max %d ms (%d runs after %d warm-ups)%n", what,
        median, millis[0], millis[runs - 1], runs, warmups);
  }

  private void generate(HikariDataSource dataSource, DataSet set) throws SQLException {
    Random random = new Random(20261031L);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement customer = connection.prepareStatement("""
              insert into customer (id, name, contact_name, email, phone, locale, sales_rep_email,
                                    created_at, updated_at, version)
              values (?, ?, 'Accounts', ?, '+46 8 555 000 00', 'en', 'rep@northwind.example', ?, ?, 0)
              """);
          PreparedStatement invoice = connection.prepareStatement("""
              insert into invoice (id, invoice_number, customer_id, amount, currency, balance,
                                   issue_date, due_date, status, stage, created_at, version, closed_on)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
              """);
          PreparedStatement payment = connection.prepareStatement("""
              insert into payment (id, reference, invoice_id, amount, currency, paid_on, recorded_at,
                                   recorded_by, stage)
              values (?, ?, ?, ?, ?, ?, ?, 'billing', ?)
              """)) {
        Timestamp created = Timestamp.from(FIRST_ISSUE.atStartOfDay().toInstant(ZoneOffset.UTC));
        for (int c = 0; c < customers; c++) {
          String id = customerId(c);
          customer.setString(1, id);
          customer.setString(2, "Customer " + c + " AB");
          customer.setString(3, id.toLowerCase() + "@customer.example");
          customer.setTimestamp(4, created);
          customer.setTimestamp(5, created);
          customer.addBatch();
        }
        customer.executeBatch();
        long paymentId = 0;
        int pending = 0;
        for (long id = 1; id <= invoices; id++) {
          Invoice written = set == DataSet.MIXED ? mixed(random) : open(random);
          invoice.setLong(1, id);
          invoice.setString(2, "INV-" + id);
          invoice.setString(3, customerId(written.customer));
          invoice.setBigDecimal(4, written.amount);
          invoice.setString(5, written.currency);
          invoice.setBigDecimal(6, written.balance());
          invoice.setDate(7, Date.valueOf(written.issued));
          invoice.setDate(8, Date.valueOf(written.due));
          invoice.setString(9, written.status());
          invoice.setString(10, written.stage());
          invoice.setTimestamp(11, Timestamp.from(written.issued.atStartOfDay().toInstant(ZoneOffset.UTC)));
          invoice.setDate(12, written.closedOn == null ? null : Date.valueOf(written.closedOn));
          invoice.addBatch();
          for (Paid paid : written.payments) {
            paymentId++;
            payment.setLong(1, paymentId);
            payment.setString(2, "PAY-" + paymentId);
            payment.setLong(3, id);
            payment.setBigDecimal(4, paid.amount);
            payment.setString(5, written.currency);
            payment.setDate(6, Date.valueOf(paid.on));
            payment.setTimestamp(7, Timestamp.from(paid.on.atTime(12, 0).toInstant(ZoneOffset.UTC)));
            payment.setString(8, "REMINDER_1");
            payment.addBatch();
          }
          if (++pending == BATCH || id == invoices) {
            invoice.executeBatch();
            payment.executeBatch();
            connection.commit();
            pending = 0;
          }
        }
      }
    }
  }

  private String customerId(int number) {
    return String.format("C%05d", number);
  }

  /** One invoice as the application would have left it, with its payments. */
  private record Invoice(int customer, String currency, BigDecimal amount, LocalDate issued,
      LocalDate due, List<Paid> payments, LocalDate closedOn, boolean cancelled) {

    BigDecimal balance() {
      if (closedOn != null && !cancelled) {
        return BigDecimal.ZERO;
      }
      return payments.stream().map(Paid::amount).reduce(amount, BigDecimal::subtract);
    }

    String status() {
      return closedOn == null ? "OPEN" : cancelled ? "CANCELLED" : "PAID";
    }

    String stage() {
      return closedOn == null ? "REMINDER_1" : cancelled ? "CANCELLED" : "SETTLED";
    }
  }

  private record Paid(BigDecimal amount, LocalDate on) {
  }

  /** A few large customers and many small ones; one customer in ten also bills in SEK. */
  private Invoice draft(Random random) {
    int customer = (int) (customers * Math.pow(random.nextDouble(), 2));
    String currency = CURRENCIES[customer % 20 < 12 ? 0 : customer % 20 < 17 ? 1 : 2];
    if (customer % 10 == 0 && random.nextInt(10) < 3) {
      currency = "SEK";
    }
    long cents = 5_000 + random.nextInt(1_995_000);
    BigDecimal amount = switch (currency) {
      case "SEK" -> BigDecimal.valueOf(cents * 10, 2);
      case "JPY" -> BigDecimal.valueOf(cents * 150 / 100);
      default -> BigDecimal.valueOf(cents, 2);
    };
    LocalDate issued = FIRST_ISSUE.plusDays(random.nextInt(730));
    LocalDate due = issued.plusDays(PAYMENT_TERMS[customer % PAYMENT_TERMS.length]);
    return new Invoice(customer, currency, amount, issued, due, new ArrayList<>(), null, false);
  }

  private Invoice mixed(Random random) {
    Invoice draft = draft(random);
    int outcome = random.nextInt(100);
    if (outcome < 4) {
      LocalDate cancelled = draft.issued.plusDays(5 + random.nextInt(115));
      return cancelled.isAfter(TODAY) ? draft : withClosing(draft, cancelled, true);
    }
    if (outcome < 6) {
      // Never paid: what fills the oldest bucket.
      return random.nextBoolean() ? draft : partlyPaid(draft, random);
    }
    LocalDate settled = draft.due.plusDays(random.nextInt(86) - 10);
    if (settled.isBefore(draft.issued)) {
      settled = draft.issued;
    }
    if (settled.isAfter(TODAY)) {
      return random.nextInt(4) == 0 ? partlyPaid(draft, random) : draft;
    }
    BigDecimal rest = draft.amount;
    if (random.nextInt(100) < 12) {
      BigDecimal first = part(draft, random);
      LocalDate firstOn = draft.issued.plusDays(ChronoUnit.DAYS.between(draft.issued, settled) / 2);
      draft.payments.add(new Paid(first, firstOn));
      rest = rest.subtract(first);
    }
    draft.payments.add(new Paid(rest, settled));
    return withClosing(draft, settled, false);
  }

  private Invoice open(Random random) {
    Invoice draft = draft(random);
    return random.nextInt(5) == 0 ? partlyPaid(draft, random) : draft;
  }

  /** Between 30% and 70% paid on a day between the issue and today. */
  private static Invoice partlyPaid(Invoice draft, Random random) {
    long days = ChronoUnit.DAYS.between(draft.issued, TODAY);
    draft.payments.add(new Paid(part(draft, random), draft.issued.plusDays(random.nextLong(days + 1))));
    return draft;
  }

  private static BigDecimal part(Invoice draft, Random random) {
    return draft.amount.multiply(BigDecimal.valueOf(30 + random.nextInt(41)))
        .divide(BigDecimal.valueOf(100), draft.amount.scale(), java.math.RoundingMode.DOWN);
  }

  private static Invoice withClosing(Invoice draft, LocalDate on, boolean cancelled) {
    return new Invoice(draft.customer, draft.currency, draft.amount, draft.issued, draft.due,
        draft.payments, on, cancelled);
  }

  private static void printMix(JdbcTemplate jdbc) {
    System.out.println("Invoices by status: " + jdbc.queryForList(
        "select status, count(*) as invoices from invoice group by status order by status"));
    System.out.println("Invoices by currency: " + jdbc.queryForList(
        "select currency, count(*) as invoices from invoice group by currency order by currency"));
    System.out.println("Open invoices partly paid: " + jdbc.queryForObject("""
        select count(*) from invoice i
        where i.status = 'OPEN' and exists (select 1 from payment p where p.invoice_id = i.id)
        """, Long.class));
    System.out.println("Payments: " + jdbc.queryForObject("select count(*) from payment", Long.class)
        + ", customers: " + jdbc.queryForObject("select count(*) from customer", Long.class));
  }

  /** The server's version and the settings it runs with that matter for speed. */
  private static void printPostgresServer() {
    JdbcTemplate jdbc = new JdbcTemplate(Postgres.superuser("postgres"));
    System.out.println("PostgreSQL: " + jdbc.queryForObject("select version()", String.class));
    System.out.println("Settings that matter for speed, and every other one set by the server's "
        + "command line or configuration (pg_settings):");
    for (Map<String, Object> setting : jdbc.queryForList("""
        select name, setting, unit, source, boot_val from pg_settings
        where name = any (?) or source not in ('default', 'override', 'client', 'session')
        order by name
        """, (Object) POSTGRES_SETTINGS.toArray(String[]::new))) {
      Object unit = setting.get("unit");
      System.out.printf("  %s = %s%s (source: %s; PostgreSQL's default %s)%n", setting.get("name"),
          setting.get("setting"), unit == null ? "" : " x " + unit, setting.get("source"),
          setting.get("boot_val"));
    }
    System.out.println("  JIT compilation available: "
        + jdbc.queryForObject("select pg_jit_available()", Boolean.class));
  }

  /**
   * A table's live and dead rows, how many of its pages are all-visible (an index-only scan reads
   * the row of any other page), and what autovacuum did to it so far.
   */
  private static void printTables(JdbcTemplate jdbc, String when) {
    for (Map<String, Object> table : jdbc.queryForList("""
        select c.relname, s.n_live_tup, s.n_dead_tup, c.relpages, c.relallvisible,
               s.autovacuum_count, s.autoanalyze_count
        from pg_class c join pg_stat_user_tables s on s.relid = c.oid
        where c.relname in ('invoice', 'payment') order by c.relname
        """)) {
      System.out.printf("  %s, %s: %s live and %s dead rows; %s pages, %s of them all-visible; "
          + "autovacuum ran %s times, autoanalyze %s%n", table.get("relname"), when,
          table.get("n_live_tup"), table.get("n_dead_tup"), table.get("relpages"),
          table.get("relallvisible"), table.get("autovacuum_count"), table.get("autoanalyze_count"));
    }
  }

  private static long bytes(Path directory) throws IOException {
    long[] bytes = {0};
    Files.walkFileTree(directory, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        bytes[0] += attributes.size();
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // gone meanwhile, e.g. a statistics file replaced
      }
    });
    return bytes[0];
  }

  private static void printMachine() throws IOException, InterruptedException {
    System.out.println("== Machine");
    System.out.println("Cores available to the JVM: " + Runtime.getRuntime().availableProcessors());
    Path cpuInfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuInfo)) {
      try (Stream<String> lines = Files.lines(cpuInfo)) {
        lines.filter(line -> line.startsWith("model name")).findFirst()
            .ifPresent(line -> System.out.println("CPU: " + line.substring(line.indexOf(':') + 1).strip()));
      }
    }
    Path loadAverage = Path.of("/proc/loadavg");
    if (Files.isReadable(loadAverage)) {
      System.out.println("Load average (1, 5, 15 min) at start: " + Files.readString(loadAverage).strip());
    }
    System.out.printf("OS: %s %s (%s); max heap %d MB; JVM arguments %s%n", System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    Process version = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).start();
    System.out.print("java -version:\n" + new String(version.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8));
    version.waitFor();
  }

  private static void deleteDatabase(Path database) throws IOException {
    Files.createDirectories(database.getParent());
    for (String suffix : new String[] {".mv.db", ".trace.db"}) {
      Files.deleteIfExists(Path.of(database + suffix));
    }
  }
}
