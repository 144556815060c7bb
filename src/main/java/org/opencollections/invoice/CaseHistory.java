package org.opencollections.invoice;

import java.time.Clock;
import java.time.LocalDate;
import org.opencollections.dunning.DunningStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what people and the process did with an invoice: reports, decisions, stages reached. */
@Service
public class CaseHistory {

  private final Invoices invoices;
  private final ContactLog contactLog;
  private final Clock clock;

  CaseHistory(Invoices invoices, ContactLog contactLog, Clock clock) {
    this.invoices = invoices;
    this.contactLog = contactLog;
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

  @Transactional
  public void reach(String invoiceNumber, DunningStage stage) {
    load(invoiceNumber).reach(stage);
  }

  /** Ends the collection of an invoice without payment (a credit note was issued). */
  @Transactional
  public void cancel(String invoiceNumber) {
    load(invoiceNumber).cancel();
  }

  @Transactional(readOnly = true)
  public Invoice invoice(String invoiceNumber) {
    return invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
  }

  private Invoice load(String invoiceNumber) {
    return invoices.lockByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
  }
}
