package org.opencollections.intake;

import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.opencollections.invoice.DuplicateInvoiceException;
import org.opencollections.invoice.Money;
import org.opencollections.invoice.NewInvoice;
import org.opencollections.invoice.RegisteringInvoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Imports an invoice file (docs/invoice-import.md): each good row is registered as
 * {@code POST /api/invoices} registers it, in a transaction of its own, so a bad row stops no
 * other and no row is half stored. Idempotent on the invoice number: a row whose invoice is
 * already registered with the same terms changes nothing. Deliberately not transactional.
 */
@Service
public class ImportingInvoices {

  private static final Logger log = LoggerFactory.getLogger(ImportingInvoices.class);
  private static final int PROGRESS_EVERY = 10_000;

  private final RegisteringInvoice registering;
  private final RegisteredInvoices registered;
  private final Validator validator;

  ImportingInvoices(RegisteringInvoice registering, RegisteredInvoices registered, Validator validator) {
    this.registering = registering;
    this.registered = registered;
    this.validator = validator;
  }

  /**
   * Reads the file row by row and registers each good row's invoice.
   *
   * @param file the file's name, for the report and the log
   * @param registeredBy who the invoices are registered by
   * @throws InvoiceFileException when the file is empty or its header does not fit; nothing was
   *     imported then
   */
  public ImportReport importFile(String file, InputStream in, String registeredBy) {
    try (InvoiceFile invoices = InvoiceFile.open(in, validator)) {
      Tally tally = new Tally(file);
      try {
        for (InvoiceRow row = invoices.next(); row != null; row = invoices.next()) {
          handle(row, registeredBy, tally);
          if (tally.rows % PROGRESS_EVERY == 0) {
            tally.logProgress();
          }
        }
      } catch (InvoiceFileException e) {
        tally.stop = new ImportReport.Stop(e.getLine(), e.getMessage());
        log.warn("{}: reading stopped after {} rows: {}", file, tally.rows, e.getMessage());
      }
      tally.logProgress();
      return tally.report();
    }
  }

  private void handle(InvoiceRow row, String registeredBy, Tally tally) {
    tally.rows++;
    if (!row.isGood()) {
      tally.reject(row, row.problems());
      return;
    }
    NewInvoice invoice = row.invoice();
    var before = registered.findTerms(invoice.invoiceNumber());
    if (before.isPresent()) {
      alreadyRegistered(row, before.get(), tally);
      return;
    }
    try {
      register(invoice, registeredBy);
      tally.imported++;
    } catch (DuplicateInvoiceException | DataIntegrityViolationException e) {
      // registered at the same moment by another request or import
      var meanwhile = registered.findTerms(invoice.invoiceNumber());
      if (meanwhile.isPresent()) {
        alreadyRegistered(row, meanwhile.get(), tally);
      } else {
        log.warn("{} line {}: invoice {} not registered", tally.file, row.line(), invoice.invoiceNumber(), e);
        tally.reject(row, List.of(new FieldProblem(null, "could not be stored: it conflicts with data"
            + " recorded at the same moment; import the file again")));
      }
    } catch (RuntimeException e) {
      log.warn("{} line {}: invoice {} not registered", tally.file, row.line(), invoice.invoiceNumber(), e);
      tally.reject(row, List.of(new FieldProblem(null, "could not be registered: " + e.getMessage())));
    }
  }

  /**
   * Registers the invoice; once more when its customer was created or changed by another request
   * at the same moment, as the second try finds the customer as that request left it.
   */
  private void register(NewInvoice invoice, String registeredBy) {
    try {
      registering.register(invoice, registeredBy);
    } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
      if (registered.findTerms(invoice.invoiceNumber()).isPresent()) {
        throw new DuplicateInvoiceException(invoice.invoiceNumber());
      }
      registering.register(invoice, registeredBy);
    }
  }

  /** The same invoice again changes nothing; the same number with other terms is an error. */
  private void alreadyRegistered(InvoiceRow row, RegisteredInvoices.Terms terms, Tally tally) {
    NewInvoice invoice = row.invoice();
    List<FieldProblem> differences = new ArrayList<>();
    String number = invoice.invoiceNumber();
    if (!terms.customerId().equals(invoice.customer().id())) {
      differences.add(difference(InvoiceFileColumn.CUSTOMER_ID, number, "for customer",
          terms.customerId(), invoice.customer().id()));
    }
    if (terms.amount().compareTo(invoice.amount()) != 0) {
      differences.add(difference(InvoiceFileColumn.AMOUNT, number, "with amount",
          Money.scaled(terms.amount(), terms.currency()).toPlainString(), invoice.amount().toPlainString()));
    }
    if (!terms.currency().equals(invoice.currency())) {
      differences.add(difference(InvoiceFileColumn.CURRENCY, number, "in", terms.currency(),
          invoice.currency()));
    }
    if (!Objects.equals(terms.issueDate(), invoice.issueDate())) {
      differences.add(difference(InvoiceFileColumn.ISSUE_DATE, number, "issued on", terms.issueDate(),
          invoice.issueDate()));
    }
    if (!Objects.equals(terms.dueDate(), invoice.dueDate())) {
      differences.add(difference(InvoiceFileColumn.DUE_DATE, number, "due on", terms.dueDate(),
          invoice.dueDate()));
    }
    if (differences.isEmpty()) {
      tally.unchanged++;
    } else {
      tally.reject(row, differences);
    }
  }

  private static FieldProblem difference(InvoiceFileColumn column, String number, String what,
      Object registered, Object inRow) {
    return new FieldProblem(column.header, "invoice " + number + " is already registered " + what
        + " " + registered + ", this row says " + inRow);
  }

  /** The counts of one import as it goes. */
  private static final class Tally {

    final String file;
    final long started = System.nanoTime();
    final List<ImportReport.RowError> errors = new ArrayList<>();
    long rows;
    long imported;
    long unchanged;
    long rejected;
    ImportReport.Stop stop;

    Tally(String file) {
      this.file = file;
    }

    void reject(InvoiceRow row, List<FieldProblem> problems) {
      rejected++;
      problems.forEach(problem -> errors.add(new ImportReport.RowError(row.line(), row.invoiceNumber(),
          problem.field(), problem.message())));
    }

    void logProgress() {
      double seconds = Math.max(System.nanoTime() - started, 1) / 1e9;
      log.info(String.format(Locale.ENGLISH, "%s: %,d rows read, %,d imported, %,d unchanged, %,d rejected,"
          + " %,.0f rows/s", file, rows, imported, unchanged, rejected, rows / seconds));
    }

    ImportReport report() {
      return new ImportReport(file, rows, imported, unchanged, rejected, stop == null, stop,
          List.copyOf(errors));
    }
  }
}
