package org.opencollections.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencollections.dunning.PaymentPlanProposal;
import org.opencollections.invoice.Invoice;

/** The open balance of an invoice split into instalments, agreed with the customer. */
@Entity
@Table(name = "payment_plan")
public class PaymentPlan {

  /** RUNNING while instalments are due; KEPT when all were paid; MISSED when one was not. */
  public enum Status { RUNNING, KEPT, MISSED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;
  @Enumerated(EnumType.STRING)
  private Status status;
  private BigDecimal total;
  private String currency;
  private Instant agreedAt;
  private String agreedBy;
  private String note;
  private Instant endedAt;
  @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("number")
  private List<PlanInstalment> instalments = new ArrayList<>();

  protected PaymentPlan() {
  }

  PaymentPlan(Invoice invoice, PaymentPlanProposal proposal, String agreedBy, Instant now) {
    this.invoice = invoice;
    this.status = Status.RUNNING;
    this.currency = invoice.getCurrency();
    this.agreedAt = now;
    this.agreedBy = agreedBy;
    this.note = proposal.note();
    this.total = BigDecimal.ZERO;
    for (PaymentPlanProposal.Instalment instalment : proposal.instalments()) {
      instalments.add(new PlanInstalment(this, instalment));
      total = total.add(instalment.amount());
    }
  }

  void end(Status ended, Instant now) {
    if (status == Status.RUNNING) {
      status = ended;
      endedAt = now;
    }
  }

  /** What should have arrived by the time instalment {@code number} fell due. */
  BigDecimal dueThrough(int number) {
    return instalments.stream().filter(i -> i.getNumber() <= number).map(PlanInstalment::getAmount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The first instalment due on or after the day. */
  public Optional<PlanInstalment> nextInstalment(LocalDate day) {
    return instalments.stream().filter(i -> !i.getDueOn().isBefore(day)).findFirst();
  }

  public PlanInstalment instalment(int number) {
    return instalments.stream().filter(i -> i.getNumber() == number).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Plan " + id + " has no instalment " + number));
  }

  public Long getId() {
    return id;
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public Status getStatus() {
    return status;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public Instant getAgreedAt() {
    return agreedAt;
  }

  public String getAgreedBy() {
    return agreedBy;
  }

  public List<PlanInstalment> getInstalments() {
    return List.copyOf(instalments);
  }
}
