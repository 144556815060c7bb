package org.opencollections.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencollections.OpenCollectionsApplication;
import org.springframework.util.FileSystemUtils;

/**
 * {@code java -jar open-collections.jar import-invoices file.csv}: the real entry point in a JVM of
 * its own, as an operator runs it, on a fresh H2 file database under {@code target/}.
 */
class ImportInvoicesCommandIT {

  private static final Path FOLDER = Path.of("target", "import-invoices-command-it").toAbsolutePath();
  private static final String DATABASE = "jdbc:h2:file:" + FOLDER.resolve("open-collections");
  private static final String HEADER = "invoiceNumber,customerId,customerName,contactName,email,phone,"
      + "salesRepEmail,amount,currency,issueDate,dueDate\r\n";

  /** What a run printed and how it ended. */
  private record Run(int exitCode, String output) {
  }

  @BeforeAll
  static void freshDatabase() throws IOException {
    FileSystemUtils.deleteRecursively(FOLDER);
    Files.createDirectories(FOLDER);
  }

  private static String row(String number, String email) {
    return String.join(",", number, "C-" + number, "Öberg Verktyg AB", "Åsa Öberg", email,
        "+46 8 123 456 78", "sam.sales@northwind.example", "1250.00", "EUR", "2026-03-02", "2026-04-01")
        + "\r\n";
  }

  private static Path file(String name, String content) throws IOException {
    return Files.writeString(FOLDER.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** The application's main class with the arguments, configured as a server outside the demo would be. */
  private static Run run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        OpenCollectionsApplication.class.getName()));
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(FOLDER, "run-", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).directory(FOLDER.toFile()).start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("The command did not end within 3 minutes: " + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  private static Run importFile(Path file) throws IOException, InterruptedException {
    return importFile(file, DATABASE);
  }

  private static Run importFile(Path file, String database) throws IOException, InterruptedException {
    return run(ImportInvoicesCommand.NAME, file.toString(),
        "--spring.datasource.url=" + database,
        "--camunda.bpm.admin-user.id=admin",
        "--camunda.bpm.admin-user.password=Admin-secret-for-tests-1",
        "--collections.mail.from=accounts@northwind.example",
        "--collections.mail.company.name=Northwind Supplies AB");
  }

  private static List<String> column(String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  @Test
  void wrongUsageAndAMissingFileEndAtOnce() throws Exception {
    Run noFile = run(ImportInvoicesCommand.NAME);
    Run twoFiles = run(ImportInvoicesCommand.NAME, "a.csv", "b.csv");
    Run missing = run(ImportInvoicesCommand.NAME, FOLDER.resolve("missing.csv").toString());

    assertThat(noFile.exitCode()).isEqualTo(64);
    assertThat(noFile.output()).contains("Usage: java -jar open-collections.jar import-invoices <file.csv>");
    assertThat(twoFiles.exitCode()).isEqualTo(64);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.output()).contains("Cannot read", "missing.csv");
  }

  @Test
  void importsTheGoodRowsListsTheBadOnesAndASecondRunChangesNothing() throws Exception {
    Path mixed = file("mixed.csv", HEADER + row("CLI-1", "asa.oberg@oberg.example")
        + row("CLI-2", "not-an-address") + row("CLI-3", "asa.oberg@oberg.example"));
    Path good = file("good.csv", HEADER + row("CLI-1", "asa.oberg@oberg.example")
        + row("CLI-3", "asa.oberg@oberg.example"));
    Path noHeader = file("no-header.csv", row("CLI-4", "asa.oberg@oberg.example"));

    Run first = importFile(mixed);
    Run second = importFile(good);
    Run unreadable = importFile(noHeader);

    assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
    assertThat(first.output())
        .contains("mixed.csv: 3 rows read, 2 imported, 0 unchanged (already registered), 1 rejected")
        .contains("line 3, CLI-2, email: must be a well-formed email address");
    assertThat(second.exitCode()).as(second.output()).isEqualTo(0);
    assertThat(second.output())
        .contains("good.csv: 2 rows read, 0 imported, 2 unchanged (already registered), 0 rejected");
    assertThat(unreadable.exitCode()).as(unreadable.output()).isEqualTo(2);
    assertThat(unreadable.output()).contains("Cannot import", "the first row must be the header",
        "Nothing was imported.");

    assertThat(column("select invoice_number from invoice order by invoice_number"))
        .containsExactly("CLI-1", "CLI-3");
    assertThat(column("select distinct registered_by from invoice"))
        .singleElement().asString().startsWith("import (command line, ");
    assertThat(column("select business_key_ from act_hi_procinst where proc_def_key_ = 'invoiceCollection'"
        + " order by business_key_")).containsExactly("CLI-1", "CLI-3");
    assertThat(column("select id from customer")).doesNotContain("C-CLI-2", "C-CLI-4");
  }

  @Test
  void aDatabaseInUseByTheServerIsSaidPlainly() throws Exception {
    Path file = file("locked.csv", HEADER + row("CLI-9", "asa.oberg@oberg.example"));
    Run locked;
    // the test holds the database open, as a running server does
    try (Connection server = DriverManager.getConnection(DATABASE + "-locked", "sa", "")) {
      locked = importFile(file, DATABASE + "-locked");
    }

    assertThat(locked.exitCode()).as(locked.output()).isEqualTo(3);
    assertThat(locked.output()).contains("The database is in use by another process",
        "Stop the server first", "Nothing was imported.");
  }
}
