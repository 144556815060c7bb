package org.opencollections.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.opencollections.dunning.DunningStage;
import org.opencollections.dunning.InvalidReportException;
import org.opencollections.dunning.PaymentPlanProposal;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.ContactLog;
import org.opencollections.invoice.ContactLogEntry;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.InvoiceNotFoundException;
import org.opencollections.invoice.Invoices;
import org.opencollections.invoice.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans: set up with the customer, checked instalment by instalment, ended as kept or
 * missed. Each step is recorded in the invoice's contact history.
 */
@Service
public class SettingUpPaymentPlans {

  /** The last instalment may fall due at most this many days after the plan is agreed. */
  public static final int MAX_PLAN_DAYS = 366;

  private static final Logger log = LoggerFactory.getLogger(SettingUpPaymentPlans.class);

  private final Invoices invoices;
  private final Payments payments;
  private final PaymentPlans plans;
  private final ContactLog contactLog;
  private final Schedule schedule;
  private final Clock clock;

  SettingUpPaymentPlans(Invoices invoices, Payments payments, PaymentPlans plans,
      ContactLog contactLog, Schedule schedule, Clock clock) {
    this.invoices = invoices;
    this.payments = payments;
    this.plans = plans;
    this.contactLog = contactLog;
    this.schedule = schedule;
    this.clock = clock;
  }

  /**
   * Checks a plan against the invoice without storing anything.
   *
   * @throws InvalidReportException for an unknown or closed invoice, a plan already running, or
   *     instalments that do not add up to the balance
   */
  @Transactional(readOnly = true)
  public Invoice check(PaymentPlanProposal proposal) {
    Invoice invoice = invoices.findByInvoiceNumber(proposal.invoiceNumber())
        .orElseThrow(() -> new InvalidReportException("There is no invoice " + proposal.invoiceNumber() + "."));
    return check(invoice, proposal);
  }

  private Invoice check(Invoice invoice, PaymentPlanProposal proposal) {
    if (!invoice.isOpen()) {
      throw new InvalidReportException("Invoice " + invoice.getInvoiceNumber() + " is "
          + invoice.getStatus().name().toLowerCase() + "; a plan is only for open invoices.");
    }
    if (invoice.getStage() == DunningStage.DISPUTED) {
      throw new InvalidReportException("Invoice " + invoice.getInvoiceNumber()
          + " is disputed; decide the dispute first.");
    }
    if (plans.running(invoice).isPresent()) {
      throw new InvalidReportException("Invoice " + invoice.getInvoiceNumber()
          + " already has a payment plan running.");
    }
    proposal.checkAgainst(invoice.getBalance(), invoice.getCurrency(), schedule.today(), MAX_PLAN_DAYS);
    return invoice;
  }

  /** Stores the plan agreed with the customer; the invoice's reminders pause while it runs. */
  @Transactional
  public PaymentPlan agree(PaymentPlanProposal proposal, String agreedBy) {
    Invoice invoice = invoices.lockByInvoiceNumber(proposal.invoiceNumber())
        .orElseThrow(() -> new InvoiceNotFoundException(proposal.invoiceNumber()));
    check(invoice, proposal);
    PaymentPlan plan = plans.save(new PaymentPlan(invoice, proposal, agreedBy, clock.instant()));
    invoice.reach(DunningStage.PAYMENT_PLAN);
    String summary = plan.getInstalments().size() + " instalments: " + String.join(", ",
        plan.getInstalments().stream().map(i -> i.getAmount().toPlainString() + " on " + i.getDueOn()).toList());
    contactLog.save(ContactLogEntry.report(invoice, clock.instant(), ContactLogEntry.Channel.DECISION,
        "PAYMENT_PLAN", "AGREED", null, summary + (proposal.note() == null ? "" : ". " + proposal.note()),
        agreedBy));
    log.info("Invoice {}: payment plan {} agreed by {}: {}", invoice.getInvoiceNumber(), plan.getId(),
        agreedBy, summary);
    return plan;
  }

  /** Whether what was paid since the plan was agreed covers the instalments up to this one. */
  @Transactional(readOnly = true)
  public boolean keptThrough(long planId, int number) {
    PaymentPlan plan = load(planId);
    Invoice invoice = plan.getInvoice();
    if (!invoice.isOpen()) {
      return true;
    }
    BigDecimal paid = payments.sumRecordedSince(List.of(invoice.getInvoiceNumber()),
        plan.getAgreedAt());
    return paid.compareTo(plan.dueThrough(number)) >= 0;
  }

  @Transactional(readOnly = true)
  public PaymentPlan plan(long planId) {
    PaymentPlan plan = load(planId);
    plan.getInstalments(); // loads the instalments while the transaction is open; callers read them after
    return plan;
  }

  /** Ends the plan: kept (all paid) or missed (dunning resumes). */
  @Transactional
  public void end(long planId, PaymentPlan.Status status, String note) {
    PaymentPlan plan = load(planId);
    if (plan.getStatus() != PaymentPlan.Status.RUNNING) {
      return;
    }
    plan.end(status, clock.instant());
    Invoice invoice = plan.getInvoice();
    if (status == PaymentPlan.Status.MISSED) {
      invoice.reach(DunningStage.PAYMENT_PLAN_MISSED);
    }
    contactLog.save(ContactLogEntry.report(invoice, clock.instant(), ContactLogEntry.Channel.DECISION,
        "PAYMENT_PLAN", status.name(), null, note, "system"));
    log.info("Invoice {}: payment plan {} {}: {}", invoice.getInvoiceNumber(), planId, status, note);
  }

  private PaymentPlan load(long planId) {
    return plans.findById(planId).orElseThrow(() -> new IllegalArgumentException("No payment plan " + planId));
  }
}
