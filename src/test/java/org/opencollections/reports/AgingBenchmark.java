package org.opencollections.reports;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long {@link AgingReport#asOf} takes over many invoices on the default H2 file database.
 * Not a test: it asserts nothing and is no part of {@code ./mvnw verify}. Run it with
 * {@code ./mvnw -o -Pbenchmark test} (see docs/PERFORMANCE.md); it prints the data mix, the
 * machine and the median, minimum and maximum of the measured runs.
 *
 * <p>Each data set is written anew into a file database under {@code target/benchmark}, migrated
 * by Flyway as the application does, and filled with JDBC batch inserts from a fixed seed, so two
 * runs measure the same rows. System properties: {@code benchmark.invoices} (1000000),
 * {@code benchmark.customers} (2000), {@code benchmark.warmups} (5), {@code benchmark.runs} (15),
 * {@code benchmark.plainRuns} (runs of the plain per-invoice query, for comparison; 0 skips it),
 * {@code benchmark.sets} (mixed,open), {@code benchmark.migrateTo} (the schema version, latest
 * unless given: 6 measures without the report's indexes), {@code benchmark.reuse} (false: true measures the rows an
 * earlier run wrote, after migrating them to the current schema), {@code benchmark.urlOptions}
 * (H2 settings appended to the database URL, e.g. {@code ;CACHE_SIZE=131072}).
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
    printMachine();
    for (String name : System.getProperty("benchmark.sets", "mixed,open").split(",")) {
      DataSet set = Arrays.stream(DataSet.values()).filter(s -> s.name.equals(name.strip()))
          .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown data set " + name));
      measure(set);
    }
  }

  private void measure(DataSet set) throws Exception {
    Path database = folder.resolve("aging-" + set.name);
    String url = "jdbc:h2:file:" + database.toAbsolutePath()
        + System.getProperty("benchmark.urlOptions", "");
    System.out.printf("%n== Data set '%s': %s%n", set.name, set.description);
    boolean reuse = Boolean.getBoolean("benchmark.reuse") && Files.exists(Path.of(database + ".mv.db"));
    if (!reuse) {
      deleteDatabase(database);
    }
    try (HikariDataSource dataSource = dataSource(url)) {
      if (reuse) {
        System.out.println("Reusing the rows written by an earlier run into " + database + ".mv.db");
      } else {
        // The rows go into the schema the application had before the report's indexes, which are
        // then built as an upgrade builds them over the rows already there.
        Flyway.configure().dataSource(dataSource).target(ROWS_WRITTEN_AT).load().migrate();
        long started = System.nanoTime();
        generate(dataSource, set);
        System.out.printf("Written in %d s into %s.mv.db%n",
            (System.nanoTime() - started) / 1_000_000_000, database);
      }
      long started = System.nanoTime();
      Flyway.configure().dataSource(dataSource).target(migrateTo).load().migrate();
      System.out.printf("Schema version %s, migrated in %d s%n", new JdbcTemplate(dataSource).queryForObject(
          "select max(\"version\") from \"flyway_schema_history\"", String.class),
          (System.nanoTime() - started) / 1_000_000_000);
      printMix(new JdbcTemplate(dataSource));
    }
    System.out.printf("Database file: %d MB%n", Files.size(Path.of(database + ".mv.db")) / (1024 * 1024));
    // A fresh start, as after a restart of the application: nothing of the writing left in memory.
    try (HikariDataSource dataSource = dataSource(url)) {
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
      }
    }
  }

  private static HikariDataSource dataSource(String url) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setUsername("sa");
    dataSource.setPassword("");
    return dataSource;
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
