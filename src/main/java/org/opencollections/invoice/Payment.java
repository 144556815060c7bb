package org.opencollections.invoice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.opencollections.dunning.DunningStage;

/** Money received against an invoice, identified by the payer's or bank's reference. */
@Entity
@Table(name = "payment")
public class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String reference;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;
  private BigDecimal amount;
  private String currency;
  private LocalDate paidOn;
  private Instant recordedAt;
  private String recordedBy;
  @Enumerated(EnumType.STRING)
  private DunningStage stage;
  /** For the return of a payment: the reference of the payment it takes back. */
  private String returnsReference;

  protected Payment() {
  }

  Payment(NewPayment request, Invoice invoice, Instant now, String recordedBy) {
    this.reference = request.reference();
    this.invoice = invoice;
    this.amount = request.amount();
    this.currency = request.currency();
    this.paidOn = request.paidOn();
    this.recordedAt = now;
    this.recordedBy = recordedBy;
    this.stage = invoice.getStage();
  }

  /** The return of a payment: the same amount taken off again, on the day the bank booked it. */
  Payment(Payment returned, String reference, LocalDate returnedOn, Instant now, String recordedBy) {
    this.reference = reference;
    this.invoice = returned.invoice;
    this.returnsReference = returned.reference;
    this.amount = returned.amount.negate();
    this.currency = returned.currency;
    this.paidOn = returnedOn;
    this.recordedAt = now;
    this.recordedBy = recordedBy;
    this.stage = invoice.getStage();
  }

  /** Whether a repeated request describes this very payment (same invoice, amount, currency and date). */
  boolean isSameAs(NewPayment request) {
    return invoice.getInvoiceNumber().equals(request.invoiceNumber())
        && amount.compareTo(request.amount()) == 0
        && currency.equals(request.currency())
        && paidOn.equals(request.paidOn());
  }

  /** How far the invoice's collection had come when the money arrived: which reminders work. */
  public DunningStage getStage() {
    return stage;
  }

  public String getReference() {
    return reference;
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public LocalDate getPaidOn() {
    return paidOn;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getReturnsReference() {
    return returnsReference;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
