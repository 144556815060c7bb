package org.opencollections.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.opencollections.dunning.LateCharges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies money received to an invoice; a payment that settles it ends the case. */
@Service
public class RecordingPayment {

  private static final Logger log = LoggerFactory.getLogger(RecordingPayment.class);

  private final Invoices invoices;
  private final Payments payments;
  private final ContactLog contactLog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RecordingPayment(Invoices invoices, Payments payments, ContactLog contactLog,
      ApplicationEventPublisher events, Clock clock) {
    this.invoices = invoices;
    this.payments = payments;
    this.contactLog = contactLog;
    this.events = events;
    this.clock = clock;
  }

  /** The recorded payment, the invoice after it, and whether an earlier request recorded it. */
  public record Result(Payment payment, Invoice invoice, boolean replayed) {
  }

  /**
   * Records the payment once: a repeated request with the same reference and the same content
   * returns the first result and changes nothing.
   *
   * @throws PaymentRejectedException for an unknown invoice or a currency that is not the invoice's
   * @throws PaymentConflictException for a reference already used by a different payment, or a
   *     cancelled invoice
   */
  @Transactional
  public Result record(NewPayment request, String recordedBy) {
    Invoice invoice = invoices.lockByInvoiceNumber(request.invoiceNumber())
        .orElseThrow(() -> new PaymentRejectedException("invoiceNumber",
            "no invoice with number " + request.invoiceNumber()));
    var earlier = payments.findByReference(request.reference());
    if (earlier.isPresent()) {
      if (earlier.get().isSameAs(request)) {
        return new Result(earlier.get(), invoice, true);
      }
      throw new PaymentConflictException("Payment reference " + request.reference()
          + " was already recorded for a different payment");
    }
    if (!invoice.getCurrency().equals(request.currency())) {
      throw new PaymentRejectedException("currency",
          "must be the invoice's currency " + invoice.getCurrency());
    }
    if (invoice.getStatus() == InvoiceStatus.CANCELLED) {
      throw new PaymentConflictException("Invoice " + invoice.getInvoiceNumber()
          + " was cancelled; a payment for it must be refunded, not recorded");
    }
    Payment payment = payments.save(new Payment(request, invoice, clock.instant(), recordedBy));
    // The invoice is paid on the day the last of its payments arrived, whatever order they came in.
    LocalDate allPaidOn = payments.findByInvoiceOrderByPaidOnAscIdAsc(invoice).stream()
        .map(Payment::getPaidOn).max(LocalDate::compareTo).orElse(request.paidOn());
    boolean settled = invoice.apply(request.amount(), allPaidOn)
        || settleWithDiscount(invoice, allPaidOn);
    log.info("Payment {} of {} {} recorded for invoice {}; balance now {}", request.reference(),
        request.amount().toPlainString(), request.currency(), invoice.getInvoiceNumber(),
        invoice.getBalance().toPlainString());
    if (settled) {
      events.publishEvent(new InvoiceSettled(invoice));
    }
    return new Result(payment, invoice, false);
  }

  /**
   * Records that the bank returned a payment: the payment's amount is taken off again as a payment
   * of its own (negative, under the return's reference), so every sum of payments stays true. A
   * settled invoice is open again and its collection starts anew. A repeated return with the same
   * reference changes nothing.
   *
   * @throws PaymentRejectedException for a payment that is not recorded
   * @throws PaymentConflictException for a payment already returned, or a reference already used
   */
  @Transactional
  public Result recordReturn(String paymentReference, String returnReference, LocalDate returnedOn,
      String recordedBy) {
    Payment returned = payments.findByReference(paymentReference)
        .orElseThrow(() -> new PaymentRejectedException("reference",
            "no payment with reference " + paymentReference));
    var earlier = payments.findByReference(returnReference);
    if (earlier.isPresent()) {
      if (earlier.get().getInvoice().getId().equals(returned.getInvoice().getId())
          && earlier.get().getAmount().compareTo(returned.getAmount().negate()) == 0) {
        return new Result(earlier.get(), earlier.get().getInvoice(), true);
      }
      throw new PaymentConflictException("Payment reference " + returnReference
          + " was already recorded for a different payment");
    }
    if (returned.getAmount().signum() <= 0 || payments.existsByReturnsReference(paymentReference)) {
      throw new PaymentConflictException("Payment " + paymentReference + " was already returned");
    }
    Invoice invoice = invoices.lockByInvoiceNumber(returned.getInvoice().getInvoiceNumber()).orElseThrow();
    Payment taken = payments.save(new Payment(returned, returnReference, returnedOn, clock.instant(),
        recordedBy));
    BigDecimal stillPaid = payments.findByInvoiceOrderByPaidOnAscIdAsc(invoice).stream()
        .map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    boolean reopened = invoice.paymentReturned(stillPaid);
    String note = "The bank returned payment " + paymentReference + " of "
        + Money.text(returned.getAmount(), returned.getCurrency()) + " on " + returnedOn + " ("
        + returnReference + "); " + Money.text(invoice.getBalance(), invoice.getCurrency()) + " open"
        + (reopened ? ", the invoice is owed again and its collection starts anew" : "");
    contactLog.save(ContactLogEntry.report(invoice, clock.instant(), ContactLogEntry.Channel.DECISION,
        "PAYMENT_RETURNED", reopened ? "REOPENED" : "BALANCE_RESTORED", null, note, recordedBy));
    log.info("Invoice {}: {}", invoice.getInvoiceNumber(), note);
    if (reopened) {
      events.publishEvent(new InvoiceReopened(invoice));
    }
    return new Result(taken, invoice, false);
  }

  /** The discounted amount arrived within the discount window: the rest is not owed. */
  private boolean settleWithDiscount(Invoice invoice, LocalDate paidOn) {
    var terms = invoice.getEarlyPaymentDiscount();
    if (terms.isEmpty() || !invoice.isOpen()) {
      return false;
    }
    List<LateCharges.PaymentMade> made = payments.findByInvoiceOrderByPaidOnAscIdAsc(invoice).stream()
        .map(p -> new LateCharges.PaymentMade(p.getPaidOn(), p.getAmount())).toList();
    if (!terms.get().settles(invoice.getAmount(), invoice.getCurrency(), invoice.getIssueDate(), made)) {
      return false;
    }
    BigDecimal discount = invoice.getBalance();
    invoice.settleWithDiscount(paidOn);
    String note = "Paid within the early-payment window (" + terms.get().percent().stripTrailingZeros()
        .toPlainString() + "% until " + terms.get().deadline(invoice.getIssueDate()) + "): discount of "
        + Money.scaled(discount, invoice.getCurrency()).toPlainString() + " " + invoice.getCurrency()
        + " granted";
    contactLog.save(ContactLogEntry.report(invoice, clock.instant(), ContactLogEntry.Channel.DECISION,
        "DISCOUNT", "GRANTED", null, note, "system"));
    log.info("Invoice {}: {}", invoice.getInvoiceNumber(), note);
    return true;
  }
}
