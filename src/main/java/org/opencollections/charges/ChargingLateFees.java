package org.opencollections.charges;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.opencollections.dunning.LateCharges;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.Customer;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.InvoiceNotFoundException;
import org.opencollections.invoice.Invoices;
import org.opencollections.invoice.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims the late charges of a reminder: computes them with {@link LateCharges} and stores them
 * once per reminder, so a retried step or a mail sent again never claims twice.
 */
@Service
public class ChargingLateFees {

  private static final Logger log = LoggerFactory.getLogger(ChargingLateFees.class);

  private final Invoices invoices;
  private final Payments payments;
  private final ChargeRecords records;
  private final ChargesProperties properties;
  private final LateCharges calculator;
  private final Schedule schedule;
  private final Clock clock;

  ChargingLateFees(Invoices invoices, Payments payments, ChargeRecords records,
      ChargesProperties properties, LateCharges calculator, Schedule schedule, Clock clock) {
    this.invoices = invoices;
    this.payments = payments;
    this.records = records;
    this.properties = properties;
    this.calculator = calculator;
    this.schedule = schedule;
    this.clock = clock;
  }

  /**
   * The charges of a reminder, computed as of today and stored; nothing new when this reminder's
   * charges were stored before, the invoice is no longer open, or the reminder comes before
   * {@code collections.charges.from-reminder}.
   *
   * @param written whether the reminder is a mail or letter (a reminder fee is per written reminder)
   */
  @Transactional
  public LateCharges.Statement charge(String invoiceNumber, int reminder, boolean written) {
    Invoice invoice = invoices.lockByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    List<LateCharges.Charge> earlier = charges(invoice).stream().map(ChargeRecord::toCharge).toList();
    if (!invoice.isOpen() || reminder < properties.fromReminder()) {
      return new LateCharges.Statement(List.of(), earlier, owed(earlier, invoice), invoice.getCurrency());
    }
    Customer customer = invoice.getCustomer();
    var debt = new LateCharges.Debt(invoice.getAmount(), invoice.getCurrency(), invoice.getDueDate(),
        payments.findByInvoiceOrderByPaidOnAscIdAsc(invoice).stream()
            .map(p -> new LateCharges.PaymentMade(p.getPaidOn(), p.getAmount())).toList());
    LateCharges.Statement statement = calculator.charge(debt, reminder, schedule.today(),
        properties.termsFor(customer.getSegment(), customer.getCountry()),
        customer.isReminderFeesAgreed() && written, earlier);
    for (LateCharges.Charge charge : statement.newCharges()) {
      records.save(new ChargeRecord(invoice, charge, clock.instant()));
      log.info("Invoice {}: reminder {} claims {}", invoiceNumber, reminder, charge.explanation());
    }
    return statement;
  }

  /** Every charge claimed for the invoice, waived ones included, in the order they were claimed. */
  @Transactional(readOnly = true)
  public List<ChargeRecord> charges(String invoiceNumber) {
    return charges(invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber)));
  }

  /** What the customer owes in charges now: every charge not waived. */
  @Transactional(readOnly = true)
  public LateCharges.Statement statement(String invoiceNumber) {
    Invoice invoice = invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    List<LateCharges.Charge> all = charges(invoice).stream().map(ChargeRecord::toCharge).toList();
    return new LateCharges.Statement(List.of(), all, owed(all, invoice), invoice.getCurrency());
  }

  /**
   * The interest periods behind an interest charge, recomputed from the invoice's payments so a
   * mail can show the arithmetic in the customer's language; empty when they no longer add up to
   * the charge (the terms were changed since it was claimed).
   */
  @Transactional(readOnly = true)
  public List<LateCharges.InterestPeriod> periodsOf(String invoiceNumber, LateCharges.Charge charge) {
    if (charge.kind() != LateCharges.Kind.INTEREST || charge.through() == null) {
      return List.of();
    }
    Invoice invoice = invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    Customer customer = invoice.getCustomer();
    LocalDate from = charges(invoice).stream()
        .filter(c -> c.getKind() == LateCharges.Kind.INTEREST && c.getLevel() < charge.level())
        .map(ChargeRecord::getThrough)
        .filter(java.util.Objects::nonNull)
        .max(java.util.Comparator.naturalOrder())
        .filter(through -> through.isAfter(invoice.getDueDate()))
        .orElse(invoice.getDueDate());
    var debt = new LateCharges.Debt(invoice.getAmount(), invoice.getCurrency(), invoice.getDueDate(),
        payments.findByInvoiceOrderByPaidOnAscIdAsc(invoice).stream()
            .map(p -> new LateCharges.PaymentMade(p.getPaidOn(), p.getAmount())).toList());
    List<LateCharges.InterestPeriod> periods = calculator.periods(debt, from, charge.through(),
        properties.termsFor(customer.getSegment(), customer.getCountry()));
    BigDecimal sum = periods.stream().map(LateCharges.InterestPeriod::interest)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.compareTo(charge.amount()) == 0 ? periods : List.of();
  }

  /**
   * A manager waives a charge; it stays on record with who waived it, when and why.
   *
   * @throws ChargeNotFoundException when the invoice has no such charge
   * @throws IllegalStateException when the charge was waived before
   */
  @Transactional
  public ChargeRecord waive(String invoiceNumber, long chargeId, String reason, String by) {
    Invoice invoice = invoices.lockByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    ChargeRecord record = records.findByIdAndInvoice(chargeId, invoice)
        .orElseThrow(() -> new ChargeNotFoundException(invoiceNumber, chargeId));
    if (record.isWaived()) {
      throw new ChargeAlreadyWaivedException("Charge " + chargeId + " of invoice " + invoiceNumber
          + " was waived by " + record.getWaivedBy() + " on " + record.getWaivedAt());
    }
    record.waive(by, reason, clock.instant());
    log.info("Invoice {}: {} {} of reminder {} waived by {}: {}", invoiceNumber, record.getKind(),
        record.getAmount().toPlainString(), record.getLevel(), by, reason);
    return record;
  }

  private List<ChargeRecord> charges(Invoice invoice) {
    return records.findByInvoiceOrderByLevelAscIdAsc(invoice);
  }

  private static BigDecimal owed(List<LateCharges.Charge> charges, Invoice invoice) {
    return charges.stream().filter(c -> !c.waived()).map(LateCharges.Charge::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(invoice.currency().getDefaultFractionDigits());
  }
}
