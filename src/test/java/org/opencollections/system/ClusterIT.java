package org.opencollections.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opencollections.fixtures.Invoices;
import org.opencollections.fixtures.MailServer;
import org.opencollections.fixtures.PageSession;
import org.opencollections.fixtures.Postgres;
import org.opencollections.fixtures.TestUsers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of the application, each a JVM of its own started as {@code java -jar} starts it
 * (profile {@code postgres}, job executor on), share one PostgreSQL database and one SMTP server.
 * A wave of invoices falls due at the same moment; each mail reaches the SMTP server once, each call
 * task exists once, and both nodes do part of the work. Then one node is killed (kill -9) in the
 * middle of a wave: the other finishes its work once the job locks expire, and nothing goes out
 * twice.
 *
 * <p>Both nodes' clocks (the application's and the engine's) run at the real pace, shifted to a week
 * in November 2025; once all invoices of a wave wait for their day, the test moves both clocks to a
 * few seconds before 08:00, when the schedule sends, and lets them run into the wave. Node logs:
 * {@code target/cluster/node-N.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  /** Monday, two hours before the day's mails. */
  private static final Instant START = Instant.parse("2025-11-03T06:00:00Z");
  /** Batch A's first reminders: 5 days after their due date, Wednesday 29 October. */
  private static final Instant FIRST_REMINDERS = Instant.parse("2025-11-03T08:00:00Z");
  /** Batch A's second reminders, 7 days after due: the policy asks for a call. */
  private static final Instant CALLS = Instant.parse("2025-11-05T08:00:00Z");
  /** Batch B's first reminders, during which a node dies. */
  private static final Instant NODE_DIES = Instant.parse("2025-11-06T08:00:00Z");
  /** How early the clocks are set before a wave; then they run into it. */
  private static final Duration LEAD = Duration.ofSeconds(1);

  private static final int BATCH_A = 60;
  private static final int BATCH_B = 40;
  private static final Duration LOCK_TIME = Duration.ofSeconds(10);
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "Admin-secret-for-tests-1";
  private static final String COMPANY = "Northwind Supplies AB";
  private static final Duration WAVE_TIMEOUT = Duration.ofMinutes(3);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<Node> nodes = new ArrayList<>();
  private final Instant began = Instant.now();
  private Postgres.Database database;
  private JdbcTemplate db;
  private SmtpGate gate;
  private volatile long offsetMillis;
  private Node first;
  private Node second;

  @RegisterExtension
  final TestWatcher logsOnFailure = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      nodes.forEach(Node::printTail);
    }
  };

  @BeforeAll
  void startCluster() throws IOException {
    // the application's own database and user, with a password, as in production
    database = Postgres.freshDatabase();
    db = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.username(),
        database.password()));
    // node-2 reaches the SMTP server through a relay the test can hold (when node-2 dies)
    gate = new SmtpGate(MailServer.port());
    offsetMillis = START.toEpochMilli() - System.currentTimeMillis();
    // a new database: the first node creates the schema alone, then the second joins while the
    // first takes the users and the invoices (runInto waits for it)
    first = new Node("node-1", MailServer.port());
    first.awaitReady();
    second = new Node("node-2", gate.port());
    for (TestUsers.Account account : TestUsers.ACCOUNTS) {
      String user = """
          {"profile": {"id": "%s", "firstName": "%1$s", "lastName": "Test", "email": "%s"},
           "credentials": {"password": "%s"}}""".formatted(account.id(), account.email(), TestUsers.PASSWORD);
      assertThat(call(first, ADMIN, ADMIN_PASSWORD, "POST", "/engine-rest/user/create", user).statusCode())
          .isEqualTo(204);
      assertThat(call(first, ADMIN, ADMIN_PASSWORD, "PUT",
          "/engine-rest/group/" + account.group() + "/members/" + account.id(), null).statusCode())
          .isEqualTo(204);
    }
  }

  @AfterAll
  void stopCluster() throws IOException {
    nodes.forEach(Node::stop);
    if (gate != null) {
      gate.close();
    }
    Postgres.stop();
    System.out.printf("ClusterIT: %d s in all%n", Duration.between(began, Instant.now()).toSeconds());
  }

  @Test
  @Order(1)
  void aWaveOfRemindersIsSharedByBothNodesAndEachMailGoesOutOnce() {
    List<String> invoices = numbers("CL-A", BATCH_A);
    for (int i = 0; i < BATCH_A; i++) {
      // two invoices per customer, as a billing system posts them
      String customer = "C-CL-P%02d".formatted(i / 2 + 1);
      register(Invoices.invoice(invoices.get(i), "1250.00", "EUR", "2025-09-29", "2025-10-29")
          .replace("\"C-" + invoices.get(i) + "\"", "\"" + customer + "\""));
    }
    awaitWaiting(invoices, "Timer_ReminderDay");
    assertThat(subjectCounts(invoices, "Invoice %s from " + COMPANY)).isEqualTo(once(invoices));
    // every case waits for the same moment, whichever node ran its steps
    assertThat(timerDueDates(invoices)).containsExactly(FIRST_REMINDERS);

    Instant wave = runInto(FIRST_REMINDERS);
    awaitWaiting(invoices, "Timer_ReminderDay", CALLS);
    Duration took = Duration.between(wave, Instant.now());

    assertThat(subjectCounts(invoices, "Invoice %s is past its due date")).isEqualTo(once(invoices));
    assertThat(MailServer.subjects()).hasSize(2 * BATCH_A);
    assertThat(outbox(invoices, "OVERDUE_NOTICE")).allSatisfy(mail -> {
      assertThat(mail.status()).isEqualTo("SENT");
      assertThat(mail.attempts()).isEqualTo(1);
    }).hasSize(BATCH_A);
    assertThat(contactLogCounts(invoices, "OVERDUE_NOTICE")).isEqualTo(once(invoices));
    assertThat(incidents()).isEmpty();

    Map<String, Long> timers = succeededBy("Timer_ReminderDay", "CL-A", FIRST_REMINDERS, CALLS);
    Map<String, Long> mails = succeededBy("Task_SendReminder", "CL-A", FIRST_REMINDERS, CALLS);
    // who handed each mail to the SMTP server: the line a node logs once the server took it
    Map<String, Long> handedOver = Map.of(first.name, first.sinceClockMoved("OVERDUE_NOTICE sent to "),
        second.name, second.sinceClockMoved("OVERDUE_NOTICE sent to "));
    System.out.printf("ClusterIT first reminders: %d invoices in %d ms; timers fired %s, reminder steps"
        + " completed %s (job log), reminders handed to SMTP %s (node logs); steps given up with an"
        + " OptimisticLockingException and run again: %d%n", BATCH_A, took.toMillis(),
        timers, mails, handedOver, optimisticLockingFailures());
    assertShared(timers, BATCH_A);
    assertShared(handedOver, BATCH_A);
  }

  @Test
  @Order(2)
  void invoicesDueForACallOpenOneCallPerCustomerWhicheverNodeRunsThem() {
    List<String> invoices = numbers("CL-A", BATCH_A);
    Instant wave = runInto(CALLS);
    awaitWaiting(invoices, "Task_AwaitCallOutcome");
    await().atMost(WAVE_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> dueJobs() == 0);
    Duration took = Duration.between(wave, Instant.now());

    List<Map<String, Object>> tasks = db.queryForList("""
        select t.id_ as id, t.task_def_key_ as activity, p.business_key_ as customer
        from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_""");
    assertThat(tasks).extracting(task -> task.get("activity")).containsOnly("Task_CallCustomer");
    assertThat(tasks).extracting(task -> task.get("customer")).doesNotHaveDuplicates()
        .hasSize(BATCH_A / 2);
    assertThat(db.queryForObject("""
        select count(*) from act_ru_execution
        where parent_id_ is null and proc_def_id_ like 'customerCall:%'""", Integer.class))
        .isEqualTo(BATCH_A / 2);
    for (Map<String, Object> task : tasks) {
      // the call of customer C-CL-P07 covers invoices CL-A13 and CL-A14
      int pair = Integer.parseInt(task.get("customer").toString().substring("C-CL-P".length()));
      String covered = json(call(first, ADMIN, ADMIN_PASSWORD, "GET", "/engine-rest/task/" + task.get("id")
          + "/localVariables/callInvoices?deserializeValue=false", null).body()).get("value").asText();
      assertThat(json(covered)).extracting(JsonNode::asText)
          .containsExactly("CL-A%02d".formatted(2 * pair - 1), "CL-A%02d".formatted(2 * pair));
    }
    assertThat(incidents()).isEmpty();
    // the step after the timer charges the reminder and puts the invoice on its customer's call
    Map<String, Long> requested = succeededBy("Task_ChargeLateFees", "CL-A", CALLS, NODE_DIES);
    System.out.printf("ClusterIT calls: %d invoices, %d calls in %d ms; invoices put on a call %s (job log);"
        + " steps given up with an OptimisticLockingException and run again: %d%n", BATCH_A, tasks.size(),
        took.toMillis(), requested, optimisticLockingFailures());
    assertShared(requested, BATCH_A);
  }

  @Test
  @Order(3)
  void aSignInLivesInTheMemoryOfTheNodeThatTookIt() {
    PageSession auditor = PageSession.signIn(first.port, TestUsers.AUDITOR, TestUsers.PASSWORD);
    assertThat(auditor.get("/reports").uri().getPath()).isEqualTo("/reports");
    // the same session cookie at the other node: unknown there, so a load balancer must stick
    assertThat(auditor.on(second.port).get("/reports").uri().getPath()).isEqualTo("/reports/login");
  }

  @Test
  @Order(4)
  void whenANodeDiesMidWaveTheOtherFinishesItsWorkAfterTheLockTimeAndSendsNothingTwice() throws Exception {
    List<String> invoices = numbers("CL-B", BATCH_B);
    invoices.forEach(number -> register(Invoices.invoice(number, "1250.00", "EUR", "2025-10-02", "2025-11-01")));
    awaitWaiting(invoices, "Timer_ReminderDay", NODE_DIES);
    assertThat(timerDueDates(invoices)).containsExactly(NODE_DIES);

    runInto(NODE_DIES);
    await().atMost(WAVE_TIMEOUT).pollInterval(Duration.ofMillis(20))
        .until(() -> subjectCounts(invoices, "Invoice %s is past its due date").size() >= BATCH_B / 3);
    // node-2 takes its next mail to the SMTP server and never hears back: it dies holding it
    gate.hold();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
        .until(() -> gate.heldConnections() > 0);
    second.kill();
    Instant killed = now();
    List<Map<String, Object>> orphaned = db.queryForList(
        "select id_ as id, lock_exp_time_ as expires from act_ru_job where lock_owner_ = ?", second.name);
    assertThat(orphaned).as("jobs the dead node held").isNotEmpty();

    await().atMost(WAVE_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() ->
        waitingAt(invoices, "Timer_ReminderDay") + incidents().size() == BATCH_B && dueJobs() == 0);
    Duration finishing = Duration.between(killed, now());

    Map<String, Long> arrived = subjectCounts(invoices, "Invoice %s is past its due date");
    assertThat(arrived.values()).as("nothing sent twice").containsOnly(1L);
    List<OutboxRow> rows = outbox(invoices, "OVERDUE_NOTICE");
    assertThat(rows).hasSize(BATCH_B);
    List<OutboxRow> unsure = rows.stream().filter(row -> row.status().equals("SENDING")).toList();
    assertThat(rows).filteredOn(row -> row.status().equals("SENT")).allSatisfy(row -> {
      assertThat(arrived).containsEntry(row.invoice(), 1L);
      assertThat(row.attempts()).isEqualTo(1);
    }).hasSize(BATCH_B - unsure.size());
    // the mails the dead node was handing over: not sent again, a person checks the mail server
    assertThat(unsure).hasSizeGreaterThanOrEqualTo(gate.heldConnections());
    Map<String, String> incidents = incidents();
    assertThat(incidents.keySet()).containsExactlyInAnyOrderElementsOf(
        unsure.stream().map(OutboxRow::invoice).toList());
    unsure.forEach(row -> assertThat(incidents.get(row.invoice()))
        .contains("may have gone out already", "outbox mail " + row.id()));
    Map<String, Long> logged = contactLogCounts(invoices, "OVERDUE_NOTICE");
    rows.forEach(row -> assertThat(logged.get(row.invoice())).isEqualTo(row.status().equals("SENT") ? 1L : 0L));

    // the survivor took over each job the dead node held only once its lock had expired
    Duration lastTakeover = Duration.ZERO;
    for (Map<String, Object> job : orphaned) {
      Instant expired = ((Timestamp) job.get("expires")).toInstant();
      Timestamp ran = db.queryForObject("""
          select min(timestamp_) from act_hi_job_log
          where job_id_ = ? and hostname_ = ? and job_state_ in (1, 2)""", Timestamp.class,
          job.get("id"), first.name);
      assertThat(ran).as("job %s taken over", job.get("id")).isNotNull();
      Instant takenOver = ran.toInstant();
      assertThat(takenOver).as("job %s taken over", job.get("id")).isAfterOrEqualTo(expired);
      assertThat(Duration.between(killed, expired)).isLessThanOrEqualTo(LOCK_TIME);
      lastTakeover = max(lastTakeover, Duration.between(killed, takenOver));
    }
    long natural = unsure.stream().filter(row -> arrived.containsKey(row.invoice())).count();
    String handedOver = first.name + " " + first.sinceClockMoved("OVERDUE_NOTICE sent to ") + ", " + second.name
        + " " + second.sinceClockMoved("OVERDUE_NOTICE sent to ");

    unsure.forEach(row -> resolveAsAPersonWould(row, arrived.containsKey(row.invoice())));
    await().atMost(WAVE_TIMEOUT).pollInterval(Duration.ofMillis(250))
        .until(() -> waitingAt(invoices, "Timer_ReminderDay") == BATCH_B);
    assertThat(subjectCounts(invoices, "Invoice %s is past its due date")).isEqualTo(once(invoices));
    assertThat(contactLogCounts(invoices, "OVERDUE_NOTICE")).isEqualTo(once(invoices));
    assertThat(incidents()).isEmpty();
    System.out.printf("ClusterIT node death: %d invoices; %s killed with %d jobs locked; %d mails left"
        + " being handed over (%d on connections the relay held, %d had reached the SMTP server), each an"
        + " incident until resolved by hand and retried; the survivor took"
        + " over the last of them %d ms after the kill (lock time %d ms) and finished the wave %d ms"
        + " after it; reminders handed to SMTP before the incidents were resolved: %s (node logs); steps"
        + " given up with an OptimisticLockingException and run again: %d%n", BATCH_B, second.name,
        orphaned.size(), unsure.size(), gate.heldConnections(), natural, lastTakeover.toMillis(),
        LOCK_TIME.toMillis(), finishing.toMillis(), handedOver, optimisticLockingFailures());
  }

  /**
   * What a person does about a "may have gone out" incident (docs/cluster.md): the mail server's
   * log says whether the mail went out; the outbox row is set to say so, and Retry in Cockpit runs
   * the step again.
   */
  private void resolveAsAPersonWould(OutboxRow row, boolean wentOut) {
    if (wentOut) {
      db.update("update outbox_mail set status = 'SENT', sent_at = ? where id = ?", Timestamp.from(now()), row.id());
    } else {
      db.update("update outbox_mail set status = 'PENDING' where id = ?", row.id());
    }
    String job = db.queryForObject("""
        select j.id_ from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_
        where p.business_key_ = ? and j.retries_ = 0""", String.class, row.invoice());
    assertThat(call(first, ADMIN, ADMIN_PASSWORD, "PUT", "/engine-rest/job/" + job + "/retries",
        "{\"retries\": 1}").statusCode()).isEqualTo(204);
  }

  // --- the cluster

  /** A node: the application in its own JVM, its output in target/cluster/NAME.log. */
  private final class Node {

    final String name;
    final int port;
    final Path log;
    final Process process;
    final Writer commands;
    boolean killed;

    Node(String name, int smtpPort) {
      this.name = name;
      this.port = MailServer.freePort();
      this.log = Path.of("target", "cluster", name + ".log");
      List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-Duser.timezone=UTC",
          "-D" + ClusterNode.NAME + "=" + name,
          "-D" + ClusterNode.CLOCK_OFFSET + "=" + offsetMillis,
          "-cp", System.getProperty("java.class.path"),
          ClusterNode.class.getName(),
          "--spring.profiles.active=postgres",
          "--server.port=" + port,
          "--spring.mail.host=127.0.0.1",
          "--spring.mail.port=" + smtpPort,
          "--camunda.bpm.admin-user.id=" + ADMIN,
          "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
          "--collections.mail.from=accounts@northwind.example",
          "--collections.mail.company.name=" + COMPANY,
          "--collections.schedule.zone=UTC",
          // the engine names each node in its job log
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          // a dead node's jobs go to the others after 10 s (default 5 min)
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
          // look for due jobs every half second, at most a second apart when idle
          "--camunda.bpm.job-execution.wait-time-in-millis=500",
          "--camunda.bpm.job-execution.max-wait=1000",
          // a failing step is retried a second apart, so what keeps failing shows as an incident
          // within the test (the product retries over an hour)
          "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=PT1S,PT1S,PT1S,PT1S,PT1S");
      try {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", database.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", database.username());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.password());
        this.process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.commands = new OutputStreamWriter(process.getOutputStream(), UTF_8);
      nodes.add(this);
    }

    void awaitReady() {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
        if (!process.isAlive()) {
          printTail();
          throw new IllegalStateException(name + " stopped during start-up");
        }
        return output().contains(ClusterNode.READY);
      });
    }

    void moveClock(long offset) throws IOException {
      commands.write("offset " + offset + "\n");
      commands.flush();
    }

    int clockMoves() {
      return (int) output().lines().filter(line -> line.startsWith("Clock moved to ")).count();
    }

    void kill() throws InterruptedException {
      killed = true;
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    void stop() {
      try {
        commands.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException e) {
        process.destroyForcibly(); // killed already
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    /** How many lines the node logged with the text since its clock was last moved. */
    long sinceClockMoved(String text) {
      String output = output();
      return output.substring(output.lastIndexOf("Clock moved to ")).lines()
          .filter(line -> line.contains(text)).count();
    }

    String output() {
      try {
        return new String(Files.readAllBytes(log), UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void printTail() {
      List<String> lines = output().lines().toList();
      System.out.println("--- last lines of " + log + " ---");
      lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
    }
  }

  /** The nodes' time: the real time shifted into the test's week. */
  private Instant now() {
    return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis);
  }

  /**
   * Once nothing is left to do, sets both nodes' clocks a few seconds before the wave and lets them
   * run into it. Returns the real time the wave falls due.
   */
  private Instant runInto(Instant wave) {
    nodes.stream().filter(node -> !node.killed).forEach(Node::awaitReady);
    await().atMost(WAVE_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> dueJobs() == 0);
    long offset = wave.minus(LEAD).toEpochMilli() - System.currentTimeMillis();
    List<Node> running = nodes.stream().filter(node -> !node.killed).toList();
    List<Integer> before = running.stream().map(Node::clockMoves).toList();
    for (Node node : running) {
      try {
        node.moveClock(offset);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    offsetMillis = offset;
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
        IntStream.range(0, running.size()).allMatch(i -> running.get(i).clockMoves() > before.get(i)));
    return Instant.now().plus(LEAD);
  }

  // --- the application, over REST as a billing system and an administrator use it

  private void register(String invoice) {
    assertThat(call(first, TestUsers.BILLING, TestUsers.PASSWORD, "POST", "/api/invoices", invoice).statusCode())
        .isEqualTo(201);
  }

  private HttpResponse<String> call(Node node, String user, String password, String method, String path,
      String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode json(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(body, e);
    }
  }

  // --- what the SMTP server received and the database holds

  /** How often each invoice's mail with the subject (its number as %s) arrived, by invoice. */
  private static Map<String, Long> subjectCounts(List<String> invoices, String subject) {
    Map<String, String> invoiceBySubject = invoices.stream()
        .collect(Collectors.toMap(number -> subject.formatted(number), Function.identity()));
    return MailServer.subjects().stream().filter(invoiceBySubject::containsKey)
        .collect(Collectors.groupingBy(invoiceBySubject::get, Collectors.counting()));
  }

  /**
   * Jobs due now, and jobs that failed and wait for their retry (a second later, after an
   * {@code OptimisticLockingException} for instance): work left, though not due yet.
   */
  private int dueJobs() {
    return db.queryForObject("select count(*) from act_ru_job where retries_ > 0"
        + " and (duedate_ is null or duedate_ <= ? or exception_msg_ is not null)",
        Integer.class, Timestamp.from(now()));
  }

  private void awaitWaiting(List<String> invoices, String activity) {
    await().atMost(WAVE_TIMEOUT).pollInterval(Duration.ofMillis(250))
        .until(() -> waitingAt(invoices, activity) == invoices.size());
  }

  /** Waits until every case waits at the timer, due at or after the given moment. */
  private void awaitWaiting(List<String> invoices, String timer, Instant dueFrom) {
    await().atMost(WAVE_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() ->
        waitingAt(invoices, timer) == invoices.size()
            && timerDueDates(invoices).stream().allMatch(due -> !due.isBefore(dueFrom)));
  }

  private int waitingAt(List<String> invoices, String activity) {
    return db.queryForObject("""
        select count(*) from act_ru_execution e join act_ru_execution p on p.id_ = e.proc_inst_id_
        where e.act_id_ = ? and p.business_key_ between ? and ?""", Integer.class,
        activity, invoices.get(0), invoices.get(invoices.size() - 1));
  }

  private List<Instant> timerDueDates(List<String> invoices) {
    return db.queryForList("""
        select distinct j.duedate_ from act_ru_job j
        join act_ru_jobdef d on d.id_ = j.job_def_id_
        join act_ru_execution p on p.id_ = j.process_instance_id_
        where d.act_id_ = 'Timer_ReminderDay' and p.business_key_ between ? and ?""", Timestamp.class,
        invoices.get(0), invoices.get(invoices.size() - 1)).stream().map(Timestamp::toInstant).toList();
  }

  /** Which node ran how many of an activity's jobs, by the engine's job log. */
  private Map<String, Long> succeededBy(String activity, String prefix, Instant from, Instant to) {
    return db.queryForList("""
        select l.hostname_ as node, count(*) as jobs from act_hi_job_log l
        join act_hi_procinst p on p.id_ = l.process_instance_id_
        where l.job_state_ = 2 and l.act_id_ = ? and p.business_key_ like ? and l.timestamp_ between ? and ?
        group by l.hostname_""", activity, prefix + "%", Timestamp.from(from), Timestamp.from(to))
        .stream().collect(Collectors.toMap(row -> (String) row.get("node"), row -> ((Number) row.get("jobs")).longValue()));
  }

  /** Steps a node gave up since the clocks last moved, because another node changed the same rows. */
  private long optimisticLockingFailures() {
    return nodes.stream().mapToLong(node -> node.sinceClockMoved("OptimisticLockingException")).sum();
  }

  /** Open incidents: the case's business key and the message. */
  private Map<String, String> incidents() {
    return db.queryForList("""
        select p.business_key_ as case_key, i.incident_msg_ as message from act_ru_incident i
        join act_ru_execution p on p.id_ = i.proc_inst_id_""").stream()
        .collect(Collectors.toMap(row -> (String) row.get("case_key"), row -> String.valueOf(row.get("message")),
            (one, other) -> one + " | " + other));
  }

  private record OutboxRow(long id, String invoice, String status, int attempts) {
  }

  private List<OutboxRow> outbox(List<String> invoices, String kind) {
    return db.query("""
        select id, invoice_number, status, attempts from outbox_mail
        where kind = ? and invoice_number between ? and ?""",
        (rs, i) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
        kind, invoices.get(0), invoices.get(invoices.size() - 1));
  }

  /** How many contact-history entries of the kind each invoice has. */
  private Map<String, Long> contactLogCounts(List<String> invoices, String kind) {
    return db.queryForList("""
        select i.invoice_number as invoice, count(c.id) as entries from invoice i
        left join contact_log c on c.invoice_id = i.id and c.kind = ?
        where i.invoice_number between ? and ? group by i.invoice_number""",
        kind, invoices.get(0), invoices.get(invoices.size() - 1)).stream()
        .collect(Collectors.toMap(row -> (String) row.get("invoice"), row -> ((Number) row.get("entries")).longValue()));
  }

  /** Each of the jobs was done once, and each node did at least a tenth of them. */
  private static void assertShared(Map<String, Long> byNode, int total) {
    assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    assertThat(byNode).hasSize(2).allSatisfy((node, jobs) -> assertThat(jobs).isGreaterThanOrEqualTo(total / 10));
  }

  private static Map<String, Long> once(List<String> invoices) {
    return invoices.stream().collect(Collectors.toMap(Function.identity(), number -> 1L));
  }

  private static List<String> numbers(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "%02d".formatted(i)).toList();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
