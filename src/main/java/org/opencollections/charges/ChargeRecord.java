package org.opencollections.charges;

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
import org.opencollections.dunning.LateCharges;
import org.opencollections.invoice.Invoice;

/** A late charge claimed at one reminder, as computed then, and its waiver if a manager gave one. */
@Entity
@Table(name = "late_charge")
public class ChargeRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;
  private int level;
  @Enumerated(EnumType.STRING)
  private LateCharges.Kind kind;
  private BigDecimal amount;
  private String currency;
  private LocalDate through;
  private String explanation;
  private Instant chargedAt;
  private Instant waivedAt;
  private String waivedBy;
  private String waiveReason;

  protected ChargeRecord() {
  }

  ChargeRecord(Invoice invoice, LateCharges.Charge charge, Instant now) {
    this.invoice = invoice;
    this.level = charge.level();
    this.kind = charge.kind();
    this.amount = charge.amount();
    this.currency = charge.currency();
    this.through = charge.through();
    this.explanation = charge.explanation();
    this.chargedAt = now;
  }

  void waive(String by, String reason, Instant now) {
    this.waivedAt = now;
    this.waivedBy = by;
    this.waiveReason = reason;
  }

  boolean isWaived() {
    return waivedAt != null;
  }

  /** The charge as the calculator reads it. */
  LateCharges.Charge toCharge() {
    return new LateCharges.Charge(kind, level, amount, currency, through, explanation, isWaived());
  }

  public Long getId() {
    return id;
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public int getLevel() {
    return level;
  }

  public LateCharges.Kind getKind() {
    return kind;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public LocalDate getThrough() {
    return through;
  }

  public String getExplanation() {
    return explanation;
  }

  public Instant getChargedAt() {
    return chargedAt;
  }

  public Instant getWaivedAt() {
    return waivedAt;
  }

  public String getWaivedBy() {
    return waivedBy;
  }

  public String getWaiveReason() {
    return waiveReason;
  }
}
