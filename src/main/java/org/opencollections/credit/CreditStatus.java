package org.opencollections.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/customers/{id}/credit-status}: whether the customer may buy on credit, and every
 * hold placed and lifted, with who, when and why.
 */
public record CreditStatus(String customerId, boolean onHold, Instant since, String reason,
    String invoiceNumber, List<Change> history) {

  /** One change of the customer's credit status. */
  public record Change(Instant at, String action, String by, String reason, String invoiceNumber,
      boolean manual, String approvedBy) {
  }

  static CreditStatus of(String customerId, List<CreditHold> holds) {
    List<Change> history = new ArrayList<>();
    for (CreditHold hold : holds) {
      history.add(new Change(hold.getPlacedAt(), "PLACED", hold.getPlacedBy(), hold.getReason(),
          hold.getInvoiceNumber(), hold.isManual(), null));
      if (!hold.isActive()) {
        history.add(new Change(hold.getLiftedAt(), "LIFTED", hold.getLiftedBy(), hold.getLiftReason(),
            hold.getInvoiceNumber(), hold.isManual(), hold.getLiftApprovedBy()));
      }
    }
    history.sort(Comparator.comparing(Change::at));
    CreditHold first = holds.stream().filter(CreditHold::isActive).findFirst().orElse(null);
    if (first == null) {
      return new CreditStatus(customerId, false, null, null, null, history);
    }
    return new CreditStatus(customerId, true, first.getPlacedAt(), first.getReason(),
        first.getInvoiceNumber(), history);
  }
}
