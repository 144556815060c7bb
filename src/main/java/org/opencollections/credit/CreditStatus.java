package org.opencollections.credit;

import java.time.Instant;

/** {@code GET /api/customers/{id}/credit-status}: whether the customer may buy on credit. */
public record CreditStatus(String customerId, boolean onHold, Instant since, String reason,
    String invoiceNumber) {

  static CreditStatus of(String customerId, CreditHold hold) {
    if (hold == null) {
      return new CreditStatus(customerId, false, null, null, null);
    }
    return new CreditStatus(customerId, true, hold.getPlacedAt(), hold.getReason(),
        hold.getInvoiceNumber());
  }
}
