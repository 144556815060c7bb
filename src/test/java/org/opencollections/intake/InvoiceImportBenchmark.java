package org.opencollections.intake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.opencollections.OpenCollectionsApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * How long importing a large invoice file takes, and how much memory it needs, on a fresh H2 file
 * database. Not a test: it asserts nothing and is no part of {@code ./mvnw verify}. Run it with
 * {@code ./mvnw -o -Pbenchmark test} (with {@code -Dbenchmark.aging.skip=true
 * -Dbenchmark.agingPostgres.skip=true -Dbenchmark.scale.skip=true} alone; see docs/PERFORMANCE.md).
 *
 * <p>It writes a file of {@code benchmark.rows} rows (100000) for {@code benchmark.customers}
 * customers (2000) from a fixed seed, one row in a thousand bad, into {@code target/benchmark},
 * starts the application as {@code import-invoices} does (no web server, no job executor) on a new
 * database there, imports the file through {@link ImportingInvoices} and then imports it again (all
 * unchanged). It prints the time, rows per second, the peak heap (the JVM's limit is set by the
 * Maven profile, {@code -Xmx256m} unless {@code benchmark.import.heap} says otherwise) and the
 * peak resident memory of the process. {@code benchmark.urlOptions} is appended to the database
 * URL (H2 settings such as {@code ;QUERY_CACHE_SIZE=64}).
 */
public final class InvoiceImportBenchmark {

  private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "SEK", "DKK", "GBP", "JPY"};
  private static final String[] LOCALES = {"de", "sv-SE", "da", "it", "es", "en-GB", "hy"};
  private static final LocalDate FIRST_ISSUE = LocalDate.of(2026, 1, 2);

  private final int rows = Integer.getInteger("benchmark.rows", 100_000);
  private final int customers = Integer.getInteger("benchmark.customers", 2_000);
  private final Path folder = Path.of(System.getProperty("benchmark.dir", "target/benchmark"))
      .toAbsolutePath();

  public static void main(String[] args) throws Exception {
    new InvoiceImportBenchmark().run();
  }

  private void run() throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve("invoices-" + rows + ".csv");
    long written = System.nanoTime();
    write(file);
    System.out.printf(Locale.ENGLISH, "Wrote %,d rows (%,d customers) into %s: %,d bytes, in %d s%n",
        rows, customers, file, Files.size(file), seconds(written));
    Path database = folder.resolve("import");
    FileSystemUtils.deleteRecursively(database);
    printMachine();
    long starting = System.nanoTime();
    try (ConfigurableApplicationContext context = ImportInvoicesCommand
        .application(OpenCollectionsApplication.class).run(
            "--spring.datasource.url=jdbc:h2:file:" + database.resolve("open-collections")
                + System.getProperty("benchmark.urlOptions", ""),
            "--camunda.bpm.admin-user.id=admin",
            "--camunda.bpm.admin-user.password=Benchmark-admin-1",
            "--collections.mail.from=accounts@northwind.example",
            "--collections.mail.company.name=Northwind Supplies AB")) {
      System.out.printf("Application started in %d s (no web server, no job executor)%n", seconds(starting));
      ImportingInvoices importing = context.getBean(ImportingInvoices.class);
      measure("First import", importing, file);
      measure("Second import of the same file", importing, file);
    }
    System.out.printf(Locale.ENGLISH, "Database: %,d MB%n",
        Files.size(database.resolve("open-collections.mv.db")) / (1024 * 1024));
    System.out.println("Peak resident memory of the process (VmHWM): " + residentPeak());
  }

  private void measure(String what, ImportingInvoices importing, Path file) throws IOException {
    System.gc();
    long usedBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    HeapSampler sampler = new HeapSampler();
    sampler.start();
    long started = System.nanoTime();
    ImportReport report;
    try (InputStream in = Files.newInputStream(file)) {
      report = importing.importFile(file.getFileName().toString(), in, "benchmark");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    System.out.printf(Locale.ENGLISH,
        "%n== %s%n%,d rows: %,d imported, %,d unchanged, %,d rejected, complete %s%n",
        what, report.rows(), report.imported(), report.unchanged(), report.rejected(), report.complete());
    System.out.printf(Locale.ENGLISH, "%.0f s, %,.0f rows/s%n", seconds, report.rows() / seconds);
    System.out.printf(Locale.ENGLISH, "Heap: %d MB used before; during the import at most %d MB used and"
        + " at most %d MB live after a collection (old generation), of %d MB max%n", usedBefore >> 20,
        sampler.peakUsed >> 20, sampler.peakLive >> 20, Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("Garbage collections so far: " + collections());
  }

  /** Samples the heap every 20 ms: the most used, and the most left in the old generation after a GC. */
  private static final class HeapSampler extends Thread {

    volatile long peakUsed;
    volatile long peakLive;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old"))
          .toList();
      while (!isInterrupted()) {
        peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        for (MemoryPoolMXBean pool : old) {
          if (pool.getCollectionUsage() != null) {
            peakLive = Math.max(peakLive, pool.getCollectionUsage().getUsed());
          }
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static String collections() {
    StringBuilder text = new StringBuilder();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> text.append(gc.getName()).append(' ')
        .append(gc.getCollectionCount()).append(" (").append(gc.getCollectionTime()).append(" ms) "));
    return text.toString().strip();
  }

  /** A realistic mix: several currencies and languages, some addresses and discounts, a few bad rows. */
  private void write(Path file) throws IOException {
    Random random = new Random(20261123L);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("invoiceNumber,customerId,customerName,contactName,email,phone,locale,salesRepEmail,"
          + "segment,country,reminderFeesAgreed,amount,currency,issueDate,dueDate,discountPercent,"
          + "discountDays,postalAddress\r\n");
      for (int i = 1; i <= rows; i++) {
        int customer = random.nextInt(customers);
        String currency = CURRENCIES[customer % CURRENCIES.length];
        long minor = 1_000 + random.nextInt(2_000_000);
        String amount = currency.equals("JPY") ? String.valueOf(minor)
            : minor / 100 + "." + String.format("%02d", minor % 100);
        LocalDate issued = FIRST_ISSUE.plusDays(random.nextInt(330));
        boolean discount = customer % 5 == 0;
        String email = i % 1_000 == 0 ? "not-an-address" : "accounts@customer" + customer + ".example";
        out.write(String.join(",", "BM-" + i, "C-BM-" + customer, "Customer " + customer + " AB",
            "Contact " + customer, email, "+46 8 555 " + (1000 + customer),
            LOCALES[customer % LOCALES.length],
            "sam.sales@northwind.example", customer % 10 == 0 ? "key account" : "regular", "", "",
            amount, currency, issued.toString(), issued.plusDays(30).toString(), discount ? "2" : "",
            discount ? "10" : "",
            customer % 3 == 0 ? "\"Storgatan " + customer + "\r\n111 22 Stockholm\r\nSweden\"" : ""));
        out.write("\r\n");
      }
    }
  }

  private static void printMachine() {
    System.out.printf("Machine: %d cores, %s %s (%s); %s %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
    System.out.println("JVM arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  private static String residentPeak() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "unknown (no /proc)";
    }
    return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
        .map(line -> line.substring("VmHWM:".length()).strip()).findFirst().orElse("unknown");
  }

  private static long seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000_000;
  }
}
