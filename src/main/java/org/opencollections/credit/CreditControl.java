package org.opencollections.credit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.opencollections.invoice.Customers;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.InvoiceCancelled;
import org.opencollections.invoice.InvoiceSettled;
import org.opencollections.invoice.InvoiceStatus;
import org.opencollections.invoice.Invoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit holds per customer. The process places them (30 days after due, or a broken promise);
 * they are lifted by themselves once no open invoice of the customer keeps them; a manager places
 * or lifts one by hand with a reason, and a second manager approves a lift.
 */
@Service
public class CreditControl {

  static final String SYSTEM = "system";
  private static final Logger log = LoggerFactory.getLogger(CreditControl.class);

  private final CreditHolds holds;
  private final Customers customers;
  private final Invoices invoices;
  private final Clock clock;

  CreditControl(CreditHolds holds, Customers customers, Invoices invoices, Clock clock) {
    this.holds = holds;
    this.customers = customers;
    this.invoices = invoices;
    this.clock = clock;
  }

  /** The customer's credit status after a hold was asked for, and whether this request placed it. */
  public record Placement(CreditStatus status, boolean placedNow) {
  }

  /**
   * Puts the customer on credit hold for an invoice. A customer already on hold keeps the hold it
   * has, with its original date and reason.
   */
  @Transactional
  public Placement placeHold(String customerId, String reason, String invoiceNumber) {
    requireCustomer(customerId);
    if (!holds.findByCustomerIdAndLiftedAtIsNullOrderByPlacedAtAscIdAsc(customerId).isEmpty()) {
      return new Placement(status(customerId), false);
    }
    log.info("Customer {} placed on credit hold: {}", customerId, reason);
    holds.save(new CreditHold(customerId, clock.instant(), SYSTEM, reason, invoiceNumber, false));
    return new Placement(status(customerId), true);
  }

  /** A manager puts the customer on hold; only a manager lifts such a hold. */
  @Transactional
  public CreditStatus placeByHand(String customerId, String reason, String manager) {
    requireCustomer(customerId);
    log.info("Customer {} placed on credit hold by {}: {}", customerId, manager, reason);
    holds.save(new CreditHold(customerId, clock.instant(), manager, reason, null, true));
    return status(customerId);
  }

  /**
   * Lifts every hold of the customer, as one manager asked and a second approved.
   *
   * @throws CreditChangeRefusedException when the same manager asked and approved, or there is no hold
   */
  @Transactional
  public CreditStatus liftByHand(String customerId, String reason, String requestedBy,
      String approvedBy) {
    requireCustomer(customerId);
    if (Objects.equals(requestedBy, approvedBy)) {
      throw new CreditChangeRefusedException(
          "A second manager must approve lifting a credit hold; " + approvedBy + " asked for it.");
    }
    List<CreditHold> active = holds.findByCustomerIdAndLiftedAtIsNullOrderByPlacedAtAscIdAsc(customerId);
    if (active.isEmpty()) {
      throw new CreditChangeRefusedException("Customer " + customerId + " is not on credit hold.");
    }
    active.forEach(hold -> hold.lift(clock.instant(), requestedBy, reason, approvedBy));
    log.info("Credit hold of customer {} lifted by {}, approved by {}: {}", customerId, requestedBy,
        approvedBy, reason);
    return status(customerId);
  }

  @Transactional(readOnly = true)
  public CreditStatus status(String customerId) {
    requireCustomer(customerId);
    return CreditStatus.of(customerId, holds.findByCustomerIdOrderByPlacedAtAscIdAsc(customerId));
  }

  @EventListener
  void invoicePaid(InvoiceSettled event) {
    liftIfNothingHoldsCredit(event.invoice().getCustomer().getId());
  }

  @EventListener
  void invoiceCancelled(InvoiceCancelled event) {
    liftIfNothingHoldsCredit(event.invoice().getCustomer().getId());
  }

  /** Lifts the automatic holds once no open invoice of the customer keeps them. */
  private void liftIfNothingHoldsCredit(String customerId) {
    List<CreditHold> automatic = holds.findByCustomerIdAndLiftedAtIsNullOrderByPlacedAtAscIdAsc(customerId)
        .stream().filter(hold -> !hold.isManual()).toList();
    if (automatic.isEmpty()) {
      return;
    }
    boolean stillHeld = invoices.findByCustomerIdAndStatusOrderByDueDateAsc(customerId, InvoiceStatus.OPEN)
        .stream().anyMatch(Invoice::isHoldingCredit);
    if (!stillHeld) {
      automatic.forEach(hold -> hold.lift(clock.instant(), SYSTEM,
          "No open invoice keeps the customer on hold any more", null));
      log.info("Credit hold of customer {} lifted: the invoices behind it are settled", customerId);
    }
  }

  private void requireCustomer(String customerId) {
    if (!customers.existsById(customerId)) {
      throw new CustomerNotFoundException(customerId);
    }
  }
}
