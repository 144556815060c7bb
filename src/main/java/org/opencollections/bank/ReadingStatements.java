package org.opencollections.bank;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.Invoices;
import org.opencollections.invoice.Money;
import org.opencollections.invoice.NewPayment;
import org.opencollections.invoice.PaymentConflictException;
import org.opencollections.invoice.PaymentRejectedException;
import org.opencollections.invoice.RecordingPayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a bank statement and applies each payment booked in it once: matched ones are recorded
 * through the same path as {@code POST /api/payments}, under the bank's reference; the others wait
 * for a clerk. A file that cannot be read records nothing; a payment already read is left alone,
 * so reading the same statement again (or an overlapping one) records nothing twice.
 */
@Service
public class ReadingStatements {

  private static final Logger log = LoggerFactory.getLogger(ReadingStatements.class);

  private final Camt053Reader reader;
  private final PaymentMatcher matcher;
  private final BankStatements statements;
  private final BankEntries entries;
  private final Invoices invoices;
  private final RecordingPayment recording;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ReadingStatements(Camt053Reader reader, PaymentMatcher matcher, BankStatements statements,
      BankEntries entries, Invoices invoices, RecordingPayment recording,
      ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
    this.reader = reader;
    this.matcher = matcher;
    this.statements = statements;
    this.entries = entries;
    this.invoices = invoices;
    this.recording = recording;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Reads the file and applies its payments, each in a transaction of its own.
   *
   * @throws UnreadableStatementException when the file is not a camt.053 statement that can be
   *     read; nothing is recorded then
   */
  public StatementReport read(byte[] file, String fileName, String readBy) {
    BankStatementFile parsed = reader.read(file);
    List<StatementReport.Line> lines = new ArrayList<>();
    for (BankStatementFile.Statement each : parsed.statements()) {
      BankStatement statement = statements.save(new BankStatement(parsed.messageId(), each.id(),
          each.account(), fileName, clock.instant(), readBy));
      List<StatementReport.Line> read = each.lines().stream().map(line -> apply(line, statement, readBy)).toList();
      long known = read.stream().filter(line -> line.result() == StatementReport.Result.KNOWN).count();
      statement.counted(read.size() - (int) known, (int) known);
      statements.save(statement);
      lines.addAll(read);
    }
    StatementReport report = StatementReport.of(fileName, parsed, lines);
    log.info("Statement file {} ({}, message {}) read by {}: {} payments, {} recorded, {} for a clerk to"
        + " match, {} read before, {} other entries ignored", fileName, parsed.version(),
        parsed.messageId(), readBy, report.payments(), report.recorded(), report.toMatch(), report.known(),
        report.ignored());
    return report;
  }


  private StatementReport.Line apply(StatementLine line, BankStatement statement, String readBy) {
    var earlier = entries.findByBankReference(line.bankReference());
    if (earlier.isPresent()) {
      return report(earlier.get(), StatementReport.Result.KNOWN);
    }
    try {
      return transaction.execute(status -> {
        BankEntry entry = new BankEntry(line, statement);
        PaymentMatcher.Match match = matcher.match(entry);
        if (match instanceof PaymentMatcher.Found found) {
          record(entry, found, readBy);
          return report(entries.save(entry), StatementReport.Result.RECORDED);
        }
        PaymentMatcher.Ask ask = (PaymentMatcher.Ask) match;
        return askClerk(entry, ask.candidates(), ask.reason());
      });
    } catch (PaymentRejectedException | PaymentConflictException e) {
      // Recording refused it (a reference the billing system used for another payment, say): a clerk looks.
      return transaction.execute(status -> askClerk(new BankEntry(line, statement), List.of(),
          "Could not be recorded: " + e.getMessage()));
    }
  }

  private void record(BankEntry entry, PaymentMatcher.Found found, String readBy) {
    if (entry.isReturnedPayment()) {
      recording.recordReturn(found.returns(), entry.getBankReference(), entry.getBookedOn(), readBy);
      entry.recorded(found.invoiceNumber(), found.by(), "Matched by " + found.how() + ": payment "
          + found.returns() + " taken off invoice " + found.invoiceNumber() + " again");
      return;
    }
    BigDecimal open = invoices.findByInvoiceNumber(found.invoiceNumber()).map(Invoice::getBalance)
        .orElse(BigDecimal.ZERO);
    var result = recording.record(new NewPayment(found.invoiceNumber(), entry.getAmount(),
        entry.getCurrency(), entry.getValueDate(), entry.getBankReference()), readBy);
    entry.recorded(found.invoiceNumber(), found.by(), describe(entry, found.how(), open, result.invoice()));
  }

  /** Matched by what, and whether it paid the invoice in full, in part, or more than was open. */
  static String describe(BankEntry entry, String how, BigDecimal open, Invoice after) {
    String paid = "Matched by " + how;
    int comparison = entry.getAmount().compareTo(open);
    if (comparison > 0) {
      return paid + "; overpaid by " + Money.text(entry.getAmount().subtract(open), entry.getCurrency())
          + ": refund it or keep it as credit";
    }
    if (comparison < 0 && after.isOpen()) {
      return paid + "; partial payment, " + Money.text(after.getBalance(), after.getCurrency()) + " still open";
    }
    return paid + "; invoice paid";
  }

  private StatementReport.Line askClerk(BankEntry entry, List<String> candidates, String reason) {
    entry.toMatch(candidates, reason);
    entries.save(entry);
    events.publishEvent(new PaymentNeedsMatching(entry, invoices.findByInvoiceNumberIn(candidates)));
    log.info("Payment {} of {} from {} needs a clerk: {}", entry.getBankReference(),
        Money.text(entry.getAmount(), entry.getCurrency()), entry.getDebtorName(), reason);
    return report(entry, StatementReport.Result.TO_MATCH);
  }

  private static StatementReport.Line report(BankEntry entry, StatementReport.Result result) {
    return new StatementReport.Line(entry.getBankReference(),
        Money.scaled(entry.getAmount(), entry.getCurrency()), entry.getCurrency(),
        entry.isReturnedPayment(), result, entry.getInvoiceNumber(),
        entry.getMatchedBy() == null ? null : entry.getMatchedBy().name(), entry.getCandidates(),
        entry.getNote());
  }
}
