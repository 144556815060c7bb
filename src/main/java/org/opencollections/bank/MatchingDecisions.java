package org.opencollections.bank;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import org.opencollections.dunning.InvalidReportException;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.InvoiceStatus;
import org.opencollections.invoice.Invoices;
import org.opencollections.invoice.Money;
import org.opencollections.invoice.NewPayment;
import org.opencollections.invoice.Payment;
import org.opencollections.invoice.Payments;
import org.opencollections.invoice.RecordingPayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clerk's answer to a payment that did not match by itself: the invoice it is for (recorded as
 * its payment, or for a returned payment, as that payment's return), or no invoice at all. The
 * account it came from is remembered for the invoice's customer, so the next payment from it
 * matches by amount.
 */
@Service
public class MatchingDecisions {

  /** The clerk's answer. */
  public enum Decision { INVOICE, NOT_FOR_AN_INVOICE }

  private static final Logger log = LoggerFactory.getLogger(MatchingDecisions.class);

  private final BankEntries entries;
  private final Invoices invoices;
  private final Payments payments;
  private final CustomerAccounts accounts;
  private final RecordingPayment recording;
  private final Clock clock;

  MatchingDecisions(BankEntries entries, Invoices invoices, Payments payments, CustomerAccounts accounts,
      RecordingPayment recording, Clock clock) {
    this.entries = entries;
    this.invoices = invoices;
    this.payments = payments;
    this.accounts = accounts;
    this.recording = recording;
    this.clock = clock;
  }

  /** A clerk's answer, checked. */
  public record Answer(Decision decision, String invoiceNumber, String note) {
  }

  /**
   * Checks a clerk's answer before anything is recorded.
   *
   * @throws InvalidReportException with a message for the clerk
   */
  @Transactional(readOnly = true)
  public Answer check(Long entryId, Object decision, Object chosenInvoice, Object otherInvoice, Object note) {
    BankEntry entry = entry(entryId);
    Decision chosen;
    try {
      chosen = Decision.valueOf(String.valueOf(decision).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidReportException("Say whether the payment is for an invoice.");
    }
    String text = note == null ? "" : note.toString().strip();
    if (chosen == Decision.NOT_FOR_AN_INVOICE) {
      if (text.isEmpty()) {
        throw new InvalidReportException("Say what happens to a payment that is for no invoice (refund, other booking).");
      }
      return new Answer(chosen, null, text);
    }
    String typed = otherInvoice == null ? "" : otherInvoice.toString().strip();
    String picked = chosenInvoice == null ? "" : chosenInvoice.toString().strip();
    if (typed.isEmpty() == picked.isEmpty()) {
      throw new InvalidReportException("Choose one of the invoices offered, or type another invoice number (not both).");
    }
    String number = typed.isEmpty() ? picked : typed;
    Invoice invoice = invoices.findByInvoiceNumber(number)
        .orElseThrow(() -> new InvalidReportException("There is no invoice " + number + "."));
    if (!invoice.getCurrency().equals(entry.getCurrency())) {
      throw new InvalidReportException("Invoice " + number + " is in " + invoice.getCurrency() + "; the payment is in "
          + entry.getCurrency() + ".");
    }
    if (invoice.getStatus() == InvoiceStatus.CANCELLED) {
      throw new InvalidReportException("Invoice " + number + " was cancelled; a payment for it must be refunded.");
    }
    if (entry.isReturnedPayment() && paymentReturnedFrom(number, entry.getAmount()) == null) {
      throw new InvalidReportException("Invoice " + number + " has no payment of "
          + Money.text(entry.getAmount(), entry.getCurrency()) + " that could have been returned.");
    }
    return new Answer(chosen, number, text.isEmpty() ? null : text);
  }

  /** Records the clerk's answer: the payment (or its return) for the invoice, or none. */
  @Transactional
  public void decide(Long entryId, Answer answer, String clerk) {
    BankEntry entry = entry(entryId);
    if (entry.getStatus() != BankEntry.Status.TO_MATCH) {
      return; // decided before: completing the task again changes nothing
    }
    if (answer.decision() == Decision.NOT_FOR_AN_INVOICE) {
      entry.decided(null, BankEntry.Status.NOT_FOR_AN_INVOICE, answer.note(), clerk, clock.instant());
      log.info("Payment {} is for no invoice, says {}: {}", entry.getBankReference(), clerk, answer.note());
      return;
    }
    Invoice invoice = invoices.findByInvoiceNumber(answer.invoiceNumber()).orElseThrow();
    String note;
    if (entry.isReturnedPayment()) {
      Payment returned = paymentReturnedFrom(answer.invoiceNumber(), entry.getAmount());
      recording.recordReturn(returned.getReference(), entry.getBankReference(), entry.getBookedOn(), clerk);
      note = "Payment " + returned.getReference() + " taken off invoice " + answer.invoiceNumber() + " again";
    } else {
      BigDecimal open = invoice.getBalance();
      var result = recording.record(new NewPayment(answer.invoiceNumber(), entry.getAmount(),
          entry.getCurrency(), entry.getValueDate(), entry.getBankReference()), clerk);
      note = ReadingStatements.describe(entry, "a clerk", open, result.invoice());
      learnAccount(entry, invoice);
    }
    entry.decided(answer.invoiceNumber(), BankEntry.Status.RECORDED,
        answer.note() == null ? note : note + ". " + answer.note(), clerk, clock.instant());
    log.info("Payment {} assigned to invoice {} by {}", entry.getBankReference(), answer.invoiceNumber(), clerk);
  }

  private void learnAccount(BankEntry entry, Invoice invoice) {
    if (entry.getDebtorAccount() != null && !accounts.existsById(entry.getDebtorAccount())) {
      accounts.save(new CustomerAccount(entry.getDebtorAccount(), invoice.getCustomer().getId(),
          clock.instant(), entry.getId()));
    }
  }

  /** The payment of an invoice a returned amount takes back: its latest one of that amount not yet returned. */
  private Payment paymentReturnedFrom(String invoiceNumber, BigDecimal amount) {
    return payments.findByInvoiceInvoiceNumberOrderByPaidOnDescIdDesc(invoiceNumber).stream()
        .filter(payment -> payment.getAmount().compareTo(amount) == 0)
        .filter(payment -> !payments.existsByReturnsReference(payment.getReference()))
        .findFirst().orElse(null);
  }

  private BankEntry entry(Long entryId) {
    if (entryId == null) {
      throw new InvalidReportException("This task names no bank payment.");
    }
    return entries.findById(entryId)
        .orElseThrow(() -> new InvalidReportException("There is no bank payment " + entryId + "."));
  }
}
