package org.opencollections.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opencollections.system.ClusterNode;

/**
 * One node of the application in a JVM of its own, as {@code java -jar} starts it in production,
 * with the two test-only changes of {@link ClusterNode}: a clock the benchmark can move, and the
 * node's name as its job executor's lock owner. Its output goes to {@code <folder>/<name>.log}.
 */
final class BenchmarkNode implements AutoCloseable {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Benchmark-admin-secret-1";

  final String name;
  final int port;
  private final Path log;
  private final Process process;
  private final Writer commands;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * Starts the node; {@link #awaitReady} waits for it.
   *
   * @param database the datasource settings, as SPRING_DATASOURCE_* environment variables
   * @param clockOffsetMillis milliseconds the node's clocks run ahead of (or behind) the real time
   * @param jobs whether the job executor runs (intake runs without it, waves with it)
   */
  BenchmarkNode(String name, Path folder, Database database, int smtpPort, long clockOffsetMillis,
      boolean jobs, String heap, List<String> extraArguments) {
    this.name = name;
    this.port = freePort();
    this.log = folder.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-Duser.timezone=UTC"));
    // more options for the node's JVM, such as a flight recording
    Arrays.stream(System.getProperty("benchmark.scale.nodeJvm", "").split(" ")).filter(option -> !option.isBlank())
        .map(option -> option.replace("{name}", name)).forEach(command::add);
    command.addAll(List.of(
        "-D" + ClusterNode.NAME + "=" + name,
        "-D" + ClusterNode.CLOCK_OFFSET + "=" + clockOffsetMillis,
        "-cp", System.getProperty("java.class.path"),
        ClusterNode.class.getName(),
        "--server.port=" + port,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--camunda.bpm.admin-user.id=" + ADMIN,
        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
        "--collections.mail.from=accounts@northwind.example",
        "--collections.mail.company.name=Northwind Supplies AB",
        "--collections.schedule.zone=UTC",
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.job-execution.enabled=" + jobs));
    if (database.postgres()) {
      command.add("--spring.profiles.active=postgres");
    }
    command.addAll(extraArguments);
    try {
      Files.createDirectories(folder);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("SPRING_DATASOURCE_URL", database.url());
      builder.environment().put("SPRING_DATASOURCE_USERNAME", database.username());
      builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.password());
      this.process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.commands = new OutputStreamWriter(process.getOutputStream(), UTF_8);
  }

  void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!output().contains(ClusterNode.READY)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not start; its log: " + log + "\n" + tail());
      }
      Thread.sleep(250);
    }
  }

  /** Sets the node's clocks to the real time plus the offset. */
  void moveClock(long offsetMillis) throws IOException {
    commands.write("offset " + offsetMillis + "\n");
    commands.flush();
  }

  /** The node's memory line (see {@link ClusterNode}), as name and value. */
  Map<String, Long> memory() throws IOException, InterruptedException {
    long before = output().lines().filter(line -> line.startsWith(ClusterNode.MEMORY)).count();
    commands.write("memory\n");
    commands.flush();
    for (int i = 0; i < 400; i++) {
      List<String> lines = output().lines().filter(line -> line.startsWith(ClusterNode.MEMORY)).toList();
      if (lines.size() > before) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String pair : lines.get(lines.size() - 1).substring(ClusterNode.MEMORY.length()).strip().split(" ")) {
          String[] parts = pair.split("=");
          values.put(parts[0], Long.parseLong(parts[1]));
        }
        return values;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(name + " did not report its memory");
  }

  /** A request as the given user, with HTTP basic authentication; the answer's status and body. */
  HttpResponse<String> call(String user, String password, String method, String path, String contentType,
      String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofMinutes(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  /** A count from the engine's REST API, asked as the administrator. */
  long count(String path) throws IOException, InterruptedException {
    HttpResponse<String> answer = call(ADMIN, ADMIN_PASSWORD, "GET", path, null, null);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return Long.parseLong(answer.body().replaceAll("\\D", ""));
  }

  String output() {
    try {
      return Files.readString(log, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String tail() {
    List<String> lines = output().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** Stops the node as its operator would: it closes its application context and exits. */
  @Override
  public void close() {
    try {
      commands.close();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a node finds its database. */
  record Database(String url, String username, String password, boolean postgres) {
  }
}
