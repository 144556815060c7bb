package org.opencollections.credit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A period during which a customer gets no more credit: placed for a reason, lifted later. */
@Entity
@Table(name = "credit_hold")
public class CreditHold {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String customerId;
  private Instant placedAt;
  private String placedBy;
  private String reason;
  private String invoiceNumber;
  private Instant liftedAt;
  private String liftedBy;
  private String liftReason;
  private String liftApprovedBy;
  private boolean manual;

  protected CreditHold() {
  }

  CreditHold(String customerId, Instant placedAt, String placedBy, String reason,
      String invoiceNumber, boolean manual) {
    this.customerId = customerId;
    this.placedAt = placedAt;
    this.placedBy = placedBy;
    this.reason = reason;
    this.invoiceNumber = invoiceNumber;
    this.manual = manual;
  }

  /** Ends the hold; a lift by hand names the manager who asked and the one who approved. */
  void lift(Instant at, String liftedBy, String reason, String approvedBy) {
    this.liftedAt = at;
    this.liftedBy = liftedBy;
    this.liftReason = reason;
    this.liftApprovedBy = approvedBy;
  }

  /** Placed by a manager: only a manager lifts it, never the automatic lift. */
  public boolean isManual() {
    return manual;
  }

  public String getLiftApprovedBy() {
    return liftApprovedBy;
  }

  public boolean isActive() {
    return liftedAt == null;
  }

  public String getCustomerId() {
    return customerId;
  }

  public Instant getPlacedAt() {
    return placedAt;
  }

  public String getPlacedBy() {
    return placedBy;
  }

  public String getReason() {
    return reason;
  }

  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public Instant getLiftedAt() {
    return liftedAt;
  }

  public String getLiftedBy() {
    return liftedBy;
  }

  public String getLiftReason() {
    return liftReason;
  }
}
