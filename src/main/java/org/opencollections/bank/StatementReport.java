package org.opencollections.bank;

import java.math.BigDecimal;
import java.util.List;

/**
 * What reading a statement file did: each payment booked in it and what became of it.
 *
 * @param known payments read from an earlier file (or an earlier reading of this one): left alone
 * @param ignored entries that are neither payments received nor returned (debits, not yet booked)
 */
public record StatementReport(String file, String format, String messageId, List<String> statements,
    int payments, int recorded, int toMatch, int known, int ignored, List<Line> lines) {

  /** What became of a payment of the file. */
  public enum Result {
    /** Recorded as a payment, or as the return of one. */
    RECORDED,
    /** Handed to a clerk. */
    TO_MATCH,
    /** Read before: left alone. */
    KNOWN
  }

  /** One payment of the file. */
  public record Line(String bankReference, BigDecimal amount, String currency, boolean returnedPayment,
      Result result, String invoiceNumber, String matchedBy, List<String> candidates, String note) {
  }

  static StatementReport of(String file, BankStatementFile parsed, List<Line> lines) {
    return new StatementReport(file, parsed.version(), parsed.messageId(),
        parsed.statements().stream().map(BankStatementFile.Statement::id).toList(), lines.size(),
        count(lines, Result.RECORDED), count(lines, Result.TO_MATCH), count(lines, Result.KNOWN),
        parsed.ignoredCount(), lines);
  }

  private static int count(List<Line> lines, Result result) {
    return (int) lines.stream().filter(line -> line.result() == result).count();
  }
}
