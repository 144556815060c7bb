package org.opencollections.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.opencollections.dunning.DunningStage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what people and the process did with invoices: reports, decisions, stages reached. */
@Service
public class CaseHistory {

  private final Invoices invoices;
  private final Customers customers;
  private final Payments payments;
  private final ContactLog contactLog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CaseHistory(Invoices invoices, Customers customers, Payments payments, ContactLog contactLog,
      ApplicationEventPublisher events, Clock clock) {
    this.invoices = invoices;
    this.customers = customers;
    this.payments = payments;
    this.contactLog = contactLog;
    this.events = events;
    this.clock = clock;
  }

  /** A report (a call, a sales rep's follow-up, a decision) and the stage the invoice reached by it. */
  @Transactional
  public ContactLogEntry record(String invoiceNumber, ContactLogEntry.Channel channel, String kind,
      String outcome, LocalDate promisedOn, String note, String actor, DunningStage reached) {
    Invoice invoice = load(invoiceNumber);
    if (reached != null) {
      invoice.reach(reached);
    }
    return contactLog.save(ContactLogEntry.report(invoice, clock.instant(), channel, kind, outcome,
        promisedOn, note, actor));
  }

  /** The same report on each invoice a call covered. */
  @Transactional
  public void recordForEach(Collection<String> invoiceNumbers, ContactLogEntry.Channel channel,
      String kind, String outcome, LocalDate promisedOn, String note, String actor,
      DunningStage reached) {
    for (String invoiceNumber : invoiceNumbers) {
      record(invoiceNumber, channel, kind, outcome, promisedOn, note, actor, reached);
    }
  }

  @Transactional
  public void reach(String invoiceNumber, DunningStage stage) {
    load(invoiceNumber).reach(stage);
  }

  /** Ends the collection of an invoice without payment (a credit note was issued). */
  @Transactional
  public void cancel(String invoiceNumber) {
    Invoice invoice = load(invoiceNumber);
    if (invoice.isOpen()) {
      invoice.cancel(LocalDate.now(clock));
      events.publishEvent(new InvoiceCancelled(invoice));
    }
  }

  /** These invoices keep their customer on credit hold until they are paid. */
  @Transactional
  public void holdCredit(Collection<String> invoiceNumbers) {
    invoiceNumbers.forEach(invoiceNumber -> load(invoiceNumber).holdCredit());
  }

  /** New contact details for a customer, as a clerk learned them on the phone. */
  @Transactional
  public void changeContact(String customerId, String contactName, String phone, String email) {
    customers.findById(customerId)
        .orElseThrow(() -> new IllegalArgumentException("No customer " + customerId))
        .changeContact(contactName, phone, email, clock.instant());
  }

  @Transactional(readOnly = true)
  public Invoice invoice(String invoiceNumber) {
    return invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
  }

  @Transactional(readOnly = true)
  public List<Invoice> invoices(Collection<String> invoiceNumbers) {
    return invoices.findByInvoiceNumberIn(invoiceNumbers);
  }

  /** What arrived for these invoices since a moment. */
  @Transactional(readOnly = true)
  public BigDecimal paidSince(Collection<String> invoiceNumbers, Instant since) {
    return payments.sumRecordedSince(invoiceNumbers, since);
  }

  private Invoice load(String invoiceNumber) {
    return invoices.lockByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
  }
}
