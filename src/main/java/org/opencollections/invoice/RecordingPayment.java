package org.opencollections.invoice;

import java.time.Clock;
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
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RecordingPayment(Invoices invoices, Payments payments, ApplicationEventPublisher events,
      Clock clock) {
    this.invoices = invoices;
    this.payments = payments;
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
    boolean settled = invoice.apply(request.amount());
    log.info("Payment {} of {} {} recorded for invoice {}; balance now {}", request.reference(),
        request.amount().toPlainString(), request.currency(), invoice.getInvoiceNumber(),
        invoice.getBalance().toPlainString());
    if (settled) {
      events.publishEvent(new InvoiceSettled(invoice));
    }
    return new Result(payment, invoice, false);
  }
}
