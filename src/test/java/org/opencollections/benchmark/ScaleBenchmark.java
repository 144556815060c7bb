package org.opencollections.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.opencollections.fixtures.Invoices;
import org.opencollections.fixtures.Postgres;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Throughput of the whole application at scale, on the H2 file database and on PostgreSQL: how
 * many cases it opens per second (over REST and from a CSV file), how fast it hands a month-end
 * wave of due reminders to an SMTP server with one node and with two, how many payments per second
 * it takes and correlates to their cases, and the nodes' memory while the cases are open. Each
 * figure is set against the database's own limit: the same rows written with plain JDBC batch
 * inserts ({@link DatabaseLimit}). Not a test: it asserts only that the work was done, and is no
 * part of {@code ./mvnw verify}. Run it with {@code ./mvnw -o -Pbenchmark test} (see
 * docs/PERFORMANCE.md).
 *
 * <p>Each node is the real application in a JVM of its own ({@link BenchmarkNode}, production
 * settings; only its clock is moved), on a database of its own under {@code target/benchmark/scale}
 * (H2) or in an embedded PostgreSQL server. One run, for each database:
 * <ol>
 *   <li><b>Intake.</b> A node without job executor takes half of the {@code benchmark.scale.cases}
 *       invoices as the billing system posts them ({@code POST /api/invoices}, from
 *       {@code benchmark.scale.clients} threads at once) and the other half as one CSV file
 *       ({@code POST /api/invoices/import}). Every invoice was issued on 29 September 2025 and
 *       fell due on 29 October, so each case starts with its invoice mail due at once.
 *   <li><b>Invoice mails.</b> A node with the job executor sends them: each case then waits for its
 *       first reminder, due for every case at the same moment, Monday 3 November 2025 08:00.
 *   <li><b>Month-end wave.</b> From a copy of that database, one node (and on PostgreSQL also two
 *       nodes, from another copy) have their clocks moved a second before the reminders fall due;
 *       timed from then until the SMTP server has taken the last reminder. Then each node reports
 *       its memory: the peak heap during the wave, the heap left after a full collection, and the
 *       resident memory of the process.
 *   <li><b>Payments.</b> Then, on the one-node copy and a node without job executor, half of the
 *       invoices are paid in full over {@code POST /api/payments} ({@code benchmark.scale.clients}
 *       threads): each payment settles its invoice and ends its case by a message correlated in the
 *       same transaction.
 * </ol>
 * System properties: {@code benchmark.scale.databases} (h2,postgres), {@code benchmark.scale.cases}
 * (1000), {@code benchmark.scale.runs} (3), {@code benchmark.scale.clients} (4),
 * {@code benchmark.scale.nodeHeap} (1g), {@code benchmark.scale.nodeArguments} (more arguments for
 * every node, such as job executor settings, separated by spaces), {@code benchmark.scale.nodeJvm}
 * (options for every node's JVM, {@code {name}} standing for the node's name, e.g.
 * {@code -XX:StartFlightRecording:filename=target/{name}.jfr}), {@code benchmark.scale.memoryCases}
 * (0; more measures a node's memory with that many open cases, see {@link #memory()}),
 * {@code benchmark.scale.memoryMinutes} (3),
 * {@code benchmark.dir} (target/benchmark).
 */
public final class ScaleBenchmark {

  /** Monday, two hours before the day's mails: the nodes' clocks during intake and invoice mails. */
  private static final Instant START = Instant.parse("2025-11-03T06:00:00Z");
  /** The first reminder of every invoice: 5 days after its due date, at the send time. */
  private static final Instant REMINDERS = Instant.parse("2025-11-03T08:00:00Z");
  private static final long LEAD_MILLIS = 1_000;
  private static final String BILLING = "billing";
  private static final String BILLING_PASSWORD = "Benchmark-billing-secret-1";
  private static final String AMOUNT = "1250.00";

  private final List<String> databases = Arrays.stream(System.getProperty("benchmark.scale.databases", "h2,postgres")
      .split(",")).filter(name -> !name.isBlank()).toList();
  private final int cases = Integer.getInteger("benchmark.scale.cases", 1_000);
  private final int runs = Integer.getInteger("benchmark.scale.runs", 3);
  private final int clients = Integer.getInteger("benchmark.scale.clients", 4);
  private final String nodeHeap = System.getProperty("benchmark.scale.nodeHeap", "1g");
  private final List<String> nodeArguments = Arrays.stream(System.getProperty("benchmark.scale.nodeArguments", "")
      .split(" ")).filter(argument -> !argument.isBlank()).toList();
  private final int memoryCases = Integer.getInteger("benchmark.scale.memoryCases", 0);
  private final int memoryMinutes = Integer.getInteger("benchmark.scale.memoryMinutes", 3);
  private final Path folder = Path.of(System.getProperty("benchmark.dir", "target/benchmark"))
      .toAbsolutePath().resolve("scale");

  private SmtpSink smtp;

  public static void main(String[] args) throws Exception {
    try {
      new ScaleBenchmark().run();
    } finally {
      Postgres.stop();
    }
    System.exit(0);
  }

  private void run() throws Exception {
    FileSystemUtils.deleteRecursively(folder);
    Files.createDirectories(folder);
    printMachine();
    System.out.printf(Locale.ENGLISH, "%,d cases per run (half over REST with %d clients, half in one CSV"
        + " file), %d runs per database; nodes -Xmx%s %s%n", cases, clients, runs, nodeHeap, nodeArguments);
    try (SmtpSink sink = new SmtpSink()) {
      smtp = sink;
      for (String database : databases) {
        List<Map<String, Double>> figures = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
          System.out.printf("%n===== %s, run %d of %d (load average %s)%n", database, run, runs, loadAverage());
          figures.add(run(database, run));
        }
        printMedians(database, figures);
      }
      if (memoryCases > 0) {
        memory();
      }
    }
    System.out.println("Load average at the end: " + loadAverage());
  }

  private Map<String, Double> run(String kind, int run) throws Exception {
    Map<String, Double> figures = new LinkedHashMap<>();
    Store db = Store.fresh(kind, folder.resolve(kind + "-" + run));
    if (db.postgres() && run == 1) {
      System.out.println("PostgreSQL: " + db.settings());
    }
    try (BenchmarkNode node = node("setup", db, false)) {
      createBillingUser(node);
    }

    // 1. intake
    Store beforeIntake = db.copy("before_intake");
    DatabaseLimit.Snapshot keys = DatabaseLimit.snapshot(db.dataSource());
    int overRest = cases / 2;
    try (BenchmarkNode node = node("intake", db, false)) {
      AtomicInteger retries = new AtomicInteger();
      double seconds = timed(() -> retries.set(postInvoices(node, 1, overRest)));
      report(figures, "intake over REST, cases/s", overRest / seconds,
          "%,d invoices in %.1f s from %d clients, %d posted again after a clash".formatted(overRest, seconds,
              clients, retries.get()));
      String file = csv(overRest + 1, cases);
      double importSeconds = timed(() -> {
        HttpResponse<String> answer = node.call(BILLING, BILLING_PASSWORD, "POST", "/api/invoices/import",
            "text/csv", file);
        if (answer.statusCode() != 200 || !answer.body().contains("\"imported\":" + (cases - overRest))) {
          throw new IllegalStateException("the import answered " + answer.statusCode() + ": " + answer.body());
        }
      });
      report(figures, "intake from a CSV file, cases/s", (cases - overRest) / importSeconds,
          "%,d rows in %.1f s".formatted(cases - overRest, importSeconds));
    }
    DatabaseLimit.Result intakeLimit = DatabaseLimit.copyNewRows(db.dataSource(), keys, beforeIntake.target());
    report(figures, "intake limit: the same rows by JDBC batch, cases/s", cases / seconds(intakeLimit),
        intakeLimit.describe());

    // 2. the invoice mails, so that every case waits for its first reminder
    try (BenchmarkNode node = node("invoice-mails", db, true)) {
      long sent = smtp.delivered();
      long began = System.nanoTime();
      node.awaitReady();
      awaitMails(sent + cases, "invoice mails");
      double seconds = (smtp.lastDeliveredNanos() - began) / 1e9;
      awaitQuiet(List.of(node));
      requireWaiting(node, "Timer_ReminderDay", cases);
      report(figures, "invoice mails (node start to last mail), mails/s", cases / seconds,
          "%,d mails in %.1f s".formatted(cases, seconds));
    }

    // 3. the month-end wave, 4. payments
    Store beforeWave = db.copy("before_wave");
    for (int nodes : db.postgres() ? new int[] {1, 2} : new int[] {1}) {
      Store wave = beforeWave.copy("wave_" + nodes);
      DatabaseLimit.Snapshot waveKeys = nodes == 1 ? DatabaseLimit.snapshot(wave.dataSource()) : null;
      List<BenchmarkNode> cluster = new ArrayList<>();
      try {
        for (int i = 1; i <= nodes; i++) {
          cluster.add(node("wave-" + nodes + "-node-" + i, wave, true));
        }
        for (BenchmarkNode node : cluster) {
          node.awaitReady();
        }
        long sent = smtp.delivered();
        long offset = REMINDERS.toEpochMilli() - LEAD_MILLIS - System.currentTimeMillis();
        for (BenchmarkNode node : cluster) {
          node.moveClock(offset);
        }
        long due = System.nanoTime() + LEAD_MILLIS * 1_000_000;
        awaitMails(sent + cases, "reminders");
        double seconds = (smtp.lastDeliveredNanos() - due) / 1e9;
        long stepsDone = awaitQuiet(cluster);
        requireWaiting(cluster.get(0), "Timer_ReminderDay", cases);
        report(figures, "wave, %d node%s, reminders/s".formatted(nodes, nodes == 1 ? "" : "s"), cases / seconds,
            "%,d reminders in %.1f s after they fell due; every step done %.1f s after".formatted(cases, seconds,
                (stepsDone - due) / 1e9));
        for (BenchmarkNode node : cluster) {
          Map<String, Long> memory = node.memory();
          System.out.printf("  %s memory with %,d open cases: %s%n", node.name, cases, memory);
          if (nodes == 1) {
            figures.put("memory, peak heap during the wave, MB", (double) memory.get("heapPeakMb"));
            figures.put("memory, heap after a full collection, MB", (double) memory.get("heapAfterGcMb"));
            figures.put("memory, resident now, MB", memory.get("rssKb") / 1024.0);
            figures.put("memory, resident at its peak, MB", memory.get("rssPeakKb") / 1024.0);
          }
        }
      } finally {
        cluster.forEach(BenchmarkNode::close);
      }
      if (nodes == 1) {
        Store limitTarget = beforeWave.copy("wave_limit");
        DatabaseLimit.Result waveLimit = DatabaseLimit.copyNewRows(wave.dataSource(), waveKeys, limitTarget.target());
        report(figures, "wave limit: the same new rows by JDBC batch, cases/s", cases / seconds(waveLimit),
            waveLimit.describe());
        payments(figures, wave, limitTarget);
      }
    }
    if (figures.containsKey("wave, 2 nodes, reminders/s")) {
      figures.put("scale-out factor, 2 nodes / 1 node",
          figures.get("wave, 2 nodes, reminders/s") / figures.get("wave, 1 node, reminders/s"));
    }
    return figures;
  }

  /**
   * The memory of a node with many open cases (H2): {@code benchmark.scale.memoryCases} invoices
   * imported from CSV files of 10,000 rows, then a node with its job executor works through their
   * invoice mails for {@code benchmark.scale.memoryMinutes}, and reports its memory.
   */
  private void memory() throws Exception {
    System.out.printf("%n===== memory with %,d open cases (h2, load average %s)%n", memoryCases, loadAverage());
    Store db = Store.fresh("h2", folder.resolve("memory"));
    try (BenchmarkNode node = node("setup", db, false)) {
      createBillingUser(node);
    }
    try (BenchmarkNode node = node("memory-intake", db, false)) {
      long began = System.nanoTime();
      for (int first = 1; first <= memoryCases; first += 10_000) {
        int last = Math.min(memoryCases, first + 9_999);
        HttpResponse<String> answer = node.call(BILLING, BILLING_PASSWORD, "POST", "/api/invoices/import",
            "text/csv", csv(first, last));
        if (answer.statusCode() != 200 || !answer.body().contains("\"imported\":" + (last - first + 1))) {
          throw new IllegalStateException("the import answered " + answer.statusCode() + ": " + answer.body());
        }
        System.out.printf(Locale.ENGLISH, "  ... %,d invoices imported, %d s%n", last,
            (System.nanoTime() - began) / 1_000_000_000L);
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      System.out.printf(Locale.ENGLISH, "intake from CSV files: %,d cases in %.0f s, %,.1f cases/s%n", memoryCases,
          seconds, memoryCases / seconds);
      System.out.printf("  the intake node after the import: %s%n", node.memory());
    }
    try (BenchmarkNode node = node("memory", db, true)) {
      node.awaitReady();
      long sent = smtp.delivered();
      Thread.sleep(memoryMinutes * 60_000L);
      Map<String, Long> memory = node.memory();
      long open = node.count("/engine-rest/process-instance/count?processDefinitionKey=invoiceCollection");
      System.out.printf(Locale.ENGLISH, "memory with %,d open cases, after %d minutes of work (%,d invoice mails"
          + " sent): %s%n", open, memoryMinutes, smtp.delivered() - sent, memory);
    }
  }

  /**
   * Half of the invoices paid in full, on a node without job executor (as intake), so that only the
   * payments' own transactions are timed and set against the database's limit; the thank-you mails
   * they schedule are not sent.
   */
  private void payments(Map<String, Double> figures, Store db, Store limitTarget) throws Exception {
    DatabaseLimit.Snapshot keys = DatabaseLimit.snapshot(db.dataSource());
    int payments = cases / 2;
    try (BenchmarkNode node = node("payments", db, false)) {
      double paying = timed(() -> postPayments(node, payments));
      report(figures, "payments correlated, payments/s", payments / paying,
          "%,d payments in %.1f s from %d clients, each settling its invoice and ending its case"
              .formatted(payments, paying, clients));
      requireWaiting(node, "Timer_ReminderDay", cases - payments);
    }
    DatabaseLimit.Result limit = DatabaseLimit.copyNewRows(db.dataSource(), keys, limitTarget.target());
    report(figures, "payments limit: the same new rows by JDBC batch, payments/s", payments / seconds(limit),
        limit.describe());
  }

  // --- the work, as the billing system and the nodes do it

  private BenchmarkNode node(String name, Store db, boolean jobs) throws InterruptedException {
    long offset = START.toEpochMilli() - System.currentTimeMillis();
    BenchmarkNode node = new BenchmarkNode(name, db.folder(), db.forNodes(), smtp.port(), offset, jobs, nodeHeap,
        nodeArguments);
    if (!jobs) {
      node.awaitReady();
    }
    return node;
  }

  private static void createBillingUser(BenchmarkNode node) throws Exception {
    String user = """
        {"profile": {"id": "%s", "firstName": "Billing", "lastName": "System", "email": "billing@northwind.example"},
         "credentials": {"password": "%s"}}""".formatted(BILLING, BILLING_PASSWORD);
    expect(node.call(BenchmarkNode.ADMIN, BenchmarkNode.ADMIN_PASSWORD, "POST", "/engine-rest/user/create",
        "application/json", user), 204);
    expect(node.call(BenchmarkNode.ADMIN, BenchmarkNode.ADMIN_PASSWORD, "PUT",
        "/engine-rest/group/billingSystems/members/" + BILLING, null, null), 204);
  }

  /**
   * Posts the invoices as a billing system does. An answer 409 for a clash with a change at the same
   * moment (two invoices of a new customer) stored nothing, and the invoice is posted again, as the
   * API asks; such retries are counted.
   */
  private int postInvoices(BenchmarkNode node, int first, int last) throws Exception {
    AtomicInteger retries = new AtomicInteger();
    inParallel(first, last, i -> () -> {
      for (int attempt = 1; ; attempt++) {
        HttpResponse<String> answer = node.call(BILLING, BILLING_PASSWORD, "POST", "/api/invoices",
            "application/json", invoice(i));
        if (answer.statusCode() == 409 && answer.body().contains("at the same moment") && attempt < 5) {
          retries.incrementAndGet();
          continue;
        }
        expect(answer, 201);
        return;
      }
    });
    return retries.get();
  }

  private void postPayments(BenchmarkNode node, int payments) throws Exception {
    inParallel(1, payments, i -> () -> expect(node.call(BILLING, BILLING_PASSWORD, "POST", "/api/payments",
        "application/json", Invoices.payment(number(i), AMOUNT, "EUR", "2025-11-03", "BANK-" + i)), 201));
  }

  /** Runs the work for each number from first to last, on {@link #clients} threads. */
  private void inParallel(int first, int last, IntFunction<Work> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = first + thread; i <= last; i += clients) {
            work.apply(i).run();
          }
          return null;
        }));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Ten invoices per customer, every one overdue when it arrives. */
  private static String invoice(int i) {
    return Invoices.invoice(number(i), AMOUNT, "EUR", "2025-09-29", "2025-10-29")
        .replace("\"C-" + number(i) + "\"", "\"" + customer(i) + "\"");
  }

  private static String csv(int first, int last) {
    StringBuilder file = new StringBuilder(120 * (last - first + 1));
    file.append("invoiceNumber,customerId,customerName,contactName,email,phone,locale,salesRepEmail,amount,"
        + "currency,issueDate,dueDate\r\n");
    for (int i = first; i <= last; i++) {
      file.append(String.join(",", number(i), customer(i), "Öberg Verktyg AB", "Åsa Öberg",
          "asa.oberg@oberg.example", "+46 8 123 456 78", "en", "sam.sales@northwind.example", AMOUNT, "EUR",
          "2025-09-29", "2025-10-29")).append("\r\n");
    }
    return file.toString();
  }

  private static String number(int i) {
    return "SB-%06d".formatted(i);
  }

  private static String customer(int i) {
    return "C-SB-%05d".formatted((i - 1) / 10);
  }

  /** Waits until the SMTP server has taken this many mails in all, printing progress. */
  private void awaitMails(long total, String what) throws InterruptedException {
    long began = System.nanoTime();
    long lastPrint = began;
    while (smtp.delivered() < total) {
      Thread.sleep(100);
      if (System.nanoTime() - lastPrint > 30_000_000_000L) {
        lastPrint = System.nanoTime();
        System.out.printf(Locale.ENGLISH, "  ... %s: %,d mails so far, %d s%n", what,
            smtp.delivered() - (total - cases), (lastPrint - began) / 1_000_000_000L);
      }
      if (System.nanoTime() - began > 4 * 3_600_000_000_000L) {
        throw new IllegalStateException("no end to the " + what + " after 4 hours");
      }
    }
  }

  /** Waits until no step is left to run and none has failed; returns when (System.nanoTime). */
  private long awaitQuiet(List<BenchmarkNode> cluster) throws Exception {
    BenchmarkNode node = cluster.get(0);
    while (node.count("/engine-rest/job/count?executable=true") > 0) {
      Thread.sleep(200);
    }
    long quiet = System.nanoTime();
    long incidents = node.count("/engine-rest/incident/count");
    if (incidents > 0) {
      throw new IllegalStateException(incidents + " incidents; see the nodes' logs in " + folder);
    }
    return quiet;
  }

  private static void requireWaiting(BenchmarkNode node, String activity, int expected) throws Exception {
    long waiting = node.count("/engine-rest/execution/count?activityId=" + activity);
    if (waiting != expected) {
      throw new IllegalStateException(waiting + " cases wait at " + activity + ", not " + expected);
    }
  }

  private static void expect(HttpResponse<String> answer, int status) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException("answered " + answer.statusCode() + ", not " + status + ": " + answer.body());
    }
  }

  // --- figures

  private static void report(Map<String, Double> figures, String name, double value, String detail) {
    figures.put(name, value);
    System.out.printf(Locale.ENGLISH, "%s: %,.1f  (%s)%n", name, value, detail.strip().replace("\n", "\n    "));
  }

  private static double seconds(DatabaseLimit.Result limit) {
    return limit.nanos() / 1e9;
  }

  private void printMedians(String database, List<Map<String, Double>> figures) {
    System.out.printf("%n===== %s: median (min-max) of %d runs, %,d cases each%n", database, figures.size(), cases);
    for (String name : figures.get(0).keySet()) {
      double[] values = figures.stream().mapToDouble(run -> run.getOrDefault(name, Double.NaN)).sorted().toArray();
      double median = values.length % 2 == 1 ? values[values.length / 2]
          : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
      System.out.printf(Locale.ENGLISH, "  %-60s %,10.1f  (%,.1f-%,.1f)%n", name, median, values[0],
          values[values.length - 1]);
    }
  }

  private static void printMachine() {
    System.out.printf("Machine: %d cores, %s %s (%s); %s %s; %,d MB of memory%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
        System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize() >> 20);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double timed(Work work) throws Exception {
    long began = System.nanoTime();
    work.run();
    return (System.nanoTime() - began) / 1e9;
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  // --- the databases

  /** A database of the benchmark: where nodes find it, and copies of it as it is now. */
  private interface Store {

    static Store fresh(String kind, Path folder) throws IOException {
      Files.createDirectories(folder);
      return switch (kind) {
        case "h2" -> new H2(folder);
        case "postgres" -> {
          Postgres.Database database = Postgres.freshDatabase();
          yield new Pg(folder, database, database.url().substring(database.url().lastIndexOf('/') + 1));
        }
        default -> throw new IllegalArgumentException("benchmark.scale.databases: h2 or postgres, not " + kind);
      };
    }

    Path folder();

    boolean postgres();

    BenchmarkNode.Database forNodes();

    /** For reading, as the application's user. */
    DataSource dataSource();

    /** For the plain inserts of {@link DatabaseLimit}, as the database's administrator. */
    DataSource target();

    /** A copy of the database as it is now; no node may use it meanwhile. */
    Store copy(String name) throws Exception;

    default String settings() throws SQLException {
      return "";
    }
  }

  /** An H2 file database; AUTO_SERVER lets the benchmark read it while a node has it open. */
  private record H2(Path folder) implements Store {

    @Override
    public boolean postgres() {
      return false;
    }

    @Override
    public BenchmarkNode.Database forNodes() {
      return new BenchmarkNode.Database("jdbc:h2:file:" + folder.resolve("open-collections") + ";AUTO_SERVER=TRUE",
          "sa", "", false);
    }

    @Override
    public DataSource dataSource() {
      return new DriverManagerDataSource(forNodes().url(), "sa", "");
    }

    @Override
    public DataSource target() {
      return dataSource();
    }

    @Override
    public Store copy(String name) throws IOException {
      Path copy = folder.resolveSibling(folder.getFileName().toString().replaceFirst("-[a-z_]+\\d?$", "") + "-" + name);
      Files.createDirectories(copy);
      Files.copy(folder.resolve("open-collections.mv.db"), copy.resolve("open-collections.mv.db"),
          StandardCopyOption.REPLACE_EXISTING);
      return new H2(copy);
    }
  }

  /** A database of the embedded PostgreSQL server, owned by the application's user. */
  private record Pg(Path folder, Postgres.Database database, String name) implements Store {

    @Override
    public boolean postgres() {
      return true;
    }

    @Override
    public BenchmarkNode.Database forNodes() {
      return new BenchmarkNode.Database(database.url(), database.username(), database.password(), true);
    }

    @Override
    public DataSource dataSource() {
      return new DriverManagerDataSource(database.url(), database.username(), database.password());
    }

    @Override
    public DataSource target() {
      return Postgres.superuser(name);
    }

    @Override
    public Store copy(String suffix) throws Exception {
      String copy = name + "_" + suffix;
      try (Connection admin = Postgres.superuser("postgres").getConnection();
          Statement sql = admin.createStatement()) {
        sql.execute("create database " + copy + " template " + name + " owner " + database.username());
      }
      String url = database.url().substring(0, database.url().lastIndexOf('/') + 1) + copy;
      return new Pg(folder, new Postgres.Database(url, database.username(), database.password()), copy);
    }

    @Override
    public String settings() throws SQLException {
      StringBuilder text = new StringBuilder();
      try (Connection connection = Postgres.superuser(name).getConnection();
          Statement sql = connection.createStatement();
          ResultSet rows = sql.executeQuery("""
              select name, setting, unit from pg_settings where name in ('server_version', 'shared_buffers',
              'work_mem', 'synchronous_commit', 'fsync', 'full_page_writes', 'max_connections', 'wal_level')
              order by name""")) {
        while (rows.next()) {
          text.append(rows.getString(1)).append('=').append(rows.getString(2))
              .append(rows.getString(3) == null ? "" : " " + rows.getString(3)).append("; ");
        }
      }
      return text.toString();
    }
  }
}
