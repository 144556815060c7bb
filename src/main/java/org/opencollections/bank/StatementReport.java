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

  /**
   * One payment of the file.
   *
   * @param result RECORDED, TO_MATCH or KNOWN
   */
  public record Line(String bankReference, BigDecimal amount, String currency, boolean returnedPayment,
      String result, String invoiceNumber, String matchedBy, List<String> candidates, String note) {
  }
}
