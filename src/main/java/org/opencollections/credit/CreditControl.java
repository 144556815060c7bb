package org.opencollections.credit;

import java.time.Clock;
import org.opencollections.invoice.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places customers on credit hold and answers whether they are on hold. */
@Service
public class CreditControl {

  private static final Logger log = LoggerFactory.getLogger(CreditControl.class);

  private final CreditHolds holds;
  private final Customers customers;
  private final Clock clock;

  CreditControl(CreditHolds holds, Customers customers, Clock clock) {
    this.holds = holds;
    this.customers = customers;
    this.clock = clock;
  }

  /** The customer's credit status after a hold was asked for, and whether this request placed it. */
  public record Placement(CreditStatus status, boolean placedNow) {
  }

  /**
   * Puts the customer on credit hold. A customer already on hold keeps the hold it has, with its
   * original date and reason.
   */
  @Transactional
  public Placement placeHold(String customerId, String reason, String invoiceNumber,
      String placedBy) {
    if (!customers.existsById(customerId)) {
      throw new CustomerNotFoundException(customerId);
    }
    var existing = holds.findFirstByCustomerIdAndLiftedAtIsNullOrderByPlacedAtAsc(customerId);
    if (existing.isPresent()) {
      return new Placement(CreditStatus.of(customerId, existing.get()), false);
    }
    log.info("Customer {} placed on credit hold: {}", customerId, reason);
    CreditHold hold = holds.save(new CreditHold(customerId, clock.instant(), placedBy, reason,
        invoiceNumber));
    return new Placement(CreditStatus.of(customerId, hold), true);
  }

  @Transactional(readOnly = true)
  public CreditStatus status(String customerId) {
    if (!customers.existsById(customerId)) {
      throw new CustomerNotFoundException(customerId);
    }
    return CreditStatus.of(customerId,
        holds.findFirstByCustomerIdAndLiftedAtIsNullOrderByPlacedAtAsc(customerId).orElse(null));
  }
}
