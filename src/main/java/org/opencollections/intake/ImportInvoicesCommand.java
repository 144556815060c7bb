package org.opencollections.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code java -jar open-collections.jar import-invoices invoices.csv}: imports an invoice file from
 * the command line, as {@code POST /api/invoices/import} does, into the database the server is
 * configured with. The application starts without its web server and without its job executor (the
 * server's sends the mails), prints what it did and ends with an exit code a script can test.
 */
public final class ImportInvoicesCommand {

  public static final String NAME = "import-invoices";

  /** Every row imported or already registered. */
  static final int ALL_IMPORTED = 0;
  /** The whole file was read, and some rows were rejected. */
  static final int ROWS_REJECTED = 1;
  /** The file could not be read, or reading stopped part-way (the rows before were handled). */
  static final int FILE_UNREADABLE = 2;
  /** The application could not start: the database in use or unreachable, a setting missing. */
  static final int CANNOT_START = 3;
  /** Wrong arguments (sysexits.h EX_USAGE). */
  static final int USAGE = 64;

  static final String USAGE_LINE = "Usage: java -jar open-collections.jar " + NAME
      + " <file.csv> [--spring.profiles.active=...] [--spring.datasource.url=...]";

  /** H2's error for a database file another process has open. */
  private static final int H2_DATABASE_IN_USE = 90020;

  /**
   * Settings of the command that no configuration may change: no second job executor, no mail
   * catcher, no watching of the bank statement folder (the server's work), and no engine REST API
   * (Camunda's starter sets it up even without a web server).
   */
  private static final Map<String, Object> FIXED = Map.of(
      "camunda.bpm.job-execution.enabled", "false",
      "collections.demo.mail-catcher.enabled", "false",
      "collections.bank.statement-folder", "false",
      "spring.autoconfigure.exclude",
      "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
  /** Defaults the command line may change, such as {@code --logging.level.root=INFO}. */
  private static final Map<String, Object> DEFAULTS = Map.of(
      "spring.main.banner-mode", "off",
      "logging.level.root", "WARN",
      "logging.level.org.opencollections.intake", "INFO",
      // a failed start is told in one sentence (startFailure), not with the stack trace
      "logging.level.org.springframework.boot.SpringApplication", "OFF");

  private final PrintStream out;
  private final PrintStream err;

  ImportInvoicesCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the command: its name, one file, and {@code --name=value} options in any order.
   *
   * @return the exit code: 0 all imported or unchanged, 1 rows rejected, 2 the file unreadable or
   *     read in part, 3 the application could not start, 64 wrong usage
   */
  public static int run(Class<?> application, String[] args) {
    return new ImportInvoicesCommand(System.out, System.err).execute(application, args);
  }

  /**
   * Whether the arguments ask for this command: its name is the first argument that is not a
   * {@code --name=value} option (spring-boot:run puts the profiles before it).
   */
  public static boolean isRequested(String[] args) {
    return Arrays.stream(args).filter(arg -> !arg.startsWith("--")).findFirst()
        .filter(NAME::equals).isPresent();
  }

  int execute(Class<?> application, String[] args) {
    List<String> files = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE_LINE);
        return ALL_IMPORTED;
      }
      (arg.startsWith("--") ? options : files).add(arg);
    }
    files.remove(NAME);
    if (files.size() != 1 || options.stream().anyMatch(option -> !option.contains("="))) {
      err.println(files.isEmpty() ? "Which file? Name one invoice file." : files.size() > 1
          ? "One file at a time, not " + files.size() + "." : "Options are written --name=value.");
      err.println(USAGE_LINE);
      return USAGE;
    }
    Path file = Path.of(files.get(0));
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      err.println("Cannot read " + file.toAbsolutePath() + ": no such file, or not readable.");
      return FILE_UNREADABLE;
    }
    ConfigurableApplicationContext context;
    try {
      context = application(application).run(options.toArray(String[]::new));
    } catch (RuntimeException e) {
      err.println(startFailure(e));
      return CANNOT_START;
    }
    try (context) {
      String database = context.getEnvironment().getProperty("spring.datasource.url", "");
      out.println("Importing " + file + " into " + database.replaceAll("[;?].*", ""));
      return importFile(context.getBean(ImportingInvoices.class), file);
    }
  }

  private int importFile(ImportingInvoices importing, Path file) {
    ImportReport report;
    try (InputStream in = Files.newInputStream(file)) {
      report = importing.importFile(file.getFileName().toString(), in, registeredBy());
    } catch (InvoiceFileException e) {
      err.println("Cannot import " + file + ": " + e.getMessage());
      e.getProblems().forEach(problem -> err.println("  " + (problem.field() == null ? ""
          : problem.field() + ": ") + problem.message()));
      err.println("Nothing was imported.");
      return FILE_UNREADABLE;
    } catch (IOException e) {
      err.println("Cannot read " + file + ": " + e.getMessage());
      return FILE_UNREADABLE;
    }
    print(report);
    if (!report.complete()) {
      return FILE_UNREADABLE;
    }
    return report.rejected() == 0 ? ALL_IMPORTED : ROWS_REJECTED;
  }

  private void print(ImportReport report) {
    out.println(String.format(Locale.ENGLISH, "%s: %,d rows read, %,d imported, %,d unchanged (already"
        + " registered), %,d rejected", report.file(), report.rows(), report.imported(), report.unchanged(),
        report.rejected()));
    if (!report.errors().isEmpty()) {
      out.println("Rejected rows (line of the file, invoice number, column: reason):");
    }
    for (ImportReport.RowError error : report.errors()) {
      String number = error.invoiceNumber() == null ? "" : ", " + error.invoiceNumber();
      out.println("  line " + error.line() + number
          + ", " + (error.field() == null ? "row" : error.field()) + ": " + error.message());
    }
    if (report.stop() != null) {
      out.println("Reading stopped. " + report.stop().message());
      out.println("The rows before it were handled as counted above; the rest of the file was not"
          + " read. Correct the file and import it again: rows already imported count as unchanged.");
    }
  }

  /** The command and the operating system's user, so the audit trail tells who ran it. */
  private static String registeredBy() {
    String by = "import (command line, " + System.getProperty("user.name", "unknown") + ")";
    return by.length() <= 128 ? by : by.substring(0, 127) + ")";
  }

  /** The application as the command starts it: no web server, no job executor, quiet logs. */
  static SpringApplication application(Class<?> application) {
    SpringApplication spring = new SpringApplication(application);
    spring.setWebApplicationType(WebApplicationType.NONE);
    spring.setDefaultProperties(DEFAULTS);
    spring.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event ->
        event.getEnvironment().getPropertySources().addFirst(new MapPropertySource(NAME, FIXED)));
    return spring;
  }

  private static String startFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        return "The database is in use by another process, most likely the running server: an H2 file"
            + " database opens in one process at a time. Stop the server first, or run the server on"
            + " PostgreSQL (docs/operations.md), where both can work at once. Nothing was imported.";
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "The application could not start: " + root.getMessage() + ". Nothing was imported.";
  }
}
