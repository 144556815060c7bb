package org.opencollections.invoice;

import jakarta.persistence.Column;
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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.opencollections.dunning.DunningStage;
import org.opencollections.dunning.EarlyPaymentDiscount;

/** An invoice under collection: what is owed, what is still open, and how far its case has come. */
@Entity
@Table(name = "invoice")
public class Invoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String invoiceNumber;
  /** The number's letters and digits in capitals, what payments are matched by. */
  private String referenceKey;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;
  private BigDecimal amount;
  private String currency;
  private BigDecimal balance;
  private LocalDate issueDate;
  private LocalDate dueDate;
  @Enumerated(EnumType.STRING)
  private InvoiceStatus status;
  @Enumerated(EnumType.STRING)
  private DunningStage stage;
  private String processInstanceId;
  private boolean holdsCredit;
  private BigDecimal discountPercent;
  private Integer discountDays;
  private BigDecimal discountGranted;
  private LocalDate closedOn;
  private Instant createdAt;
  private String registeredBy;
  @Version
  @Column(nullable = false)
  private long version;

  protected Invoice() {
  }

  Invoice(NewInvoice request, Customer customer, Instant now, String registeredBy) {
    this.invoiceNumber = request.invoiceNumber();
    this.referenceKey = CreditorReference.key(request.invoiceNumber());
    this.customer = customer;
    this.amount = request.amount();
    this.currency = request.currency();
    this.balance = request.amount();
    this.issueDate = request.issueDate();
    this.dueDate = request.dueDate();
    this.status = InvoiceStatus.OPEN;
    this.stage = DunningStage.REGISTERED;
    this.createdAt = now;
    this.registeredBy = registeredBy;
    this.discountGranted = BigDecimal.ZERO;
    // The invoice's own terms win over the customer's standing terms.
    if (request.earlyPaymentDiscount() != null) {
      this.discountPercent = request.earlyPaymentDiscount().percent();
      this.discountDays = request.earlyPaymentDiscount().days();
    } else {
      customer.getEarlyPaymentDiscount().ifPresent(terms -> {
        this.discountPercent = terms.percent();
        this.discountDays = terms.days();
      });
    }
  }

  /**
   * Lowers the balance by a payment. A payment that reaches or exceeds the balance settles the
   * invoice; the balance never goes below zero.
   *
   * @return true if this payment settled the invoice
   */
  boolean apply(BigDecimal paid, LocalDate paidOn) {
    boolean wasOpen = isOpen();
    balance = balance.subtract(paid).max(BigDecimal.ZERO);
    if (wasOpen && balance.signum() == 0) {
      status = InvoiceStatus.PAID;
      stage = DunningStage.SETTLED;
      closedOn = paidOn;
      return true;
    }
    return false;
  }

  /**
   * Settles the invoice because the discounted amount arrived within the discount window: what is
   * left open is the discount granted.
   *
   * @return true if this settled the invoice
   */
  boolean settleWithDiscount(LocalDate paidOn) {
    if (!isOpen()) {
      return false;
    }
    discountGranted = balance;
    balance = BigDecimal.ZERO;
    status = InvoiceStatus.PAID;
    stage = DunningStage.SETTLED;
    closedOn = paidOn;
    return true;
  }

  /**
   * A payment came back: what is open is the amount less what is still paid. A settled invoice is
   * open again, without the early-payment discount it was settled with.
   *
   * @return true if the invoice was settled and is open again
   */
  boolean paymentReturned(BigDecimal stillPaid) {
    if (status == InvoiceStatus.CANCELLED) {
      return false;
    }
    boolean reopened = status == InvoiceStatus.PAID && amount.subtract(stillPaid).signum() > 0;
    if (reopened) {
      status = InvoiceStatus.OPEN;
      stage = DunningStage.REGISTERED;
      closedOn = null;
      discountGranted = BigDecimal.ZERO;
    }
    balance = amount.subtract(discountGranted).subtract(stillPaid).max(BigDecimal.ZERO);
    return reopened;
  }

  /** Records that the collection reached a stage; a settled or cancelled invoice stays where it ended. */
  public void reach(DunningStage reached) {
    if (isOpen()) {
      this.stage = reached;
    }
  }

  /** Ends the collection without payment, as after a credit note for an upheld dispute. */
  public void cancel(LocalDate on) {
    if (isOpen()) {
      status = InvoiceStatus.CANCELLED;
      stage = DunningStage.CANCELLED;
      closedOn = on;
    }
  }

  /** This invoice keeps its customer on credit hold until it is paid or cancelled. */
  public void holdCredit() {
    if (isOpen()) {
      holdsCredit = true;
    }
  }

  public void attachCase(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public boolean isOpen() {
    return status == InvoiceStatus.OPEN;
  }

  /** Whether the invoice, open, keeps its customer on credit hold. */
  public boolean isHoldingCredit() {
    return holdsCredit && isOpen();
  }

  public Long getId() {
    return id;
  }

  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public Customer getCustomer() {
    return customer;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  public BigDecimal getBalance() {
    return balance;
  }

  public LocalDate getIssueDate() {
    return issueDate;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public InvoiceStatus getStatus() {
    return status;
  }

  public DunningStage getStage() {
    return stage;
  }

  /** The early-payment terms of this invoice, if any. */
  public Optional<EarlyPaymentDiscount> getEarlyPaymentDiscount() {
    return discountPercent == null ? Optional.empty()
        : Optional.of(new EarlyPaymentDiscount(discountPercent, discountDays));
  }

  /** The discount taken off because the discounted amount was paid in time; zero otherwise. */
  public BigDecimal getDiscountGranted() {
    return discountGranted;
  }

  /**
   * The business day the invoice stopped being owed: the value date of the payment that settled
   * it, or the day it was cancelled; empty while it is open.
   */
  public Optional<LocalDate> getClosedOn() {
    return Optional.ofNullable(closedOn);
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** Who posted the invoice: the billing system's account, or a manager's. */
  public String getRegisteredBy() {
    return registeredBy;
  }
}
