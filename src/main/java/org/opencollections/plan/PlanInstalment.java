package org.opencollections.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.opencollections.dunning.PaymentPlanProposal;

/** One instalment of a payment plan. */
@Entity
@Table(name = "plan_instalment")
public class PlanInstalment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_id")
  private PaymentPlan plan;
  private int number;
  private LocalDate dueOn;
  private BigDecimal amount;

  protected PlanInstalment() {
  }

  PlanInstalment(PaymentPlan plan, PaymentPlanProposal.Instalment instalment) {
    this.plan = plan;
    this.number = instalment.number();
    this.dueOn = instalment.dueOn();
    this.amount = instalment.amount();
  }

  public int getNumber() {
    return number;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public BigDecimal getAmount() {
    return amount;
  }
}
