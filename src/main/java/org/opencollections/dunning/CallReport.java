package org.opencollections.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a clerk recorded about a call to a customer, checked before anything is stored. One call
 * covers every invoice of the customer that is due for a call; the outcome applies to each, but
 * a dispute concerns the invoices the clerk ticks.
 */
public record CallReport(
    CallOutcome outcome,
    LocalDate promisedDate,
    BigDecimal promisedAmount,
    List<String> disputedInvoices,
    String disputeReason,
    Contact newContact,
    LocalDate paidOn,
    String paymentReference,
    String note) {

  /** The names of the call form's fields, which are also the process variables they fill. */
  public static final String OUTCOME = "callOutcome";
  public static final String PROMISED_DATE = "promisedDate";
  public static final String PROMISED_AMOUNT = "promisedAmount";
  public static final String DISPUTED_INVOICES = "disputedInvoices";
  public static final String DISPUTE_REASON = "disputeReason";
  public static final String CONTACT_NAME = "newContactName";
  public static final String CONTACT_PHONE = "newContactPhone";
  public static final String CONTACT_EMAIL = "newContactEmail";
  public static final String PAID_ON = "reportedPaidOn";
  public static final String PAYMENT_REFERENCE = "reportedPaymentReference";
  public static final String NOTE = "callNote";

  /** New contact details for the customer, given when the clerk reached the wrong person. */
  public record Contact(String name, String phone, String email) {
  }

  /**
   * The call the report is about.
   *
   * @param invoiceNumbers the invoices the call covers
   * @param openBalance their open balance, or null when they are in different currencies
   * @param maxPromiseDays how far ahead a customer may promise to pay
   */
  public record Call(LocalDate today, List<String> invoiceNumbers, BigDecimal openBalance,
      int maxPromiseDays) {
  }

  /**
   * Checks the submitted call form.
   *
   * @param form the submitted values by field name
   * @throws InvalidReportException with a message for the clerk when a value cannot be recorded
   */
  public static CallReport of(Map<String, Object> form, Call call) {
    CallOutcome outcome = FormValues.choice(form.get(OUTCOME), CallOutcome.class, "The call outcome");
    String note = FormValues.note(form.get(NOTE), "The note", false);
    return switch (outcome) {
      case PROMISED_TO_PAY -> promise(form, call, note);
      case DISPUTED -> dispute(form, call, note);
      case WRONG_CONTACT -> new CallReport(outcome, null, null, List.of(), null,
          contact(form), null, null, note);
      case ALREADY_PAID -> reportedPayment(form, call, note);
      case NO_ANSWER -> new CallReport(outcome, null, null, List.of(), null, null, null, null, note);
    };
  }

  private static CallReport promise(Map<String, Object> form, Call call, String note) {
    LocalDate date = FormValues.date(form.get(PROMISED_DATE), "The promised payment date");
    if (date == null) {
      throw new InvalidReportException("A promise to pay needs the date the customer promised.");
    }
    if (date.isBefore(call.today())) {
      throw new InvalidReportException("The promised payment date " + date + " is in the past.");
    }
    if (date.isAfter(call.today().plusDays(call.maxPromiseDays()))) {
      throw new InvalidReportException("The promised payment date " + date + " is more than "
          + call.maxPromiseDays() + " days away.");
    }
    BigDecimal amount = FormValues.amount(form.get(PROMISED_AMOUNT), "The promised amount");
    if (amount == null) {
      throw new InvalidReportException("A promise to pay needs the amount the customer promised.");
    }
    if (amount.signum() <= 0) {
      throw new InvalidReportException("The promised amount must be more than zero.");
    }
    if (call.openBalance() != null && amount.compareTo(call.openBalance()) > 0) {
      throw new InvalidReportException("The promised amount " + amount.toPlainString()
          + " is more than the open balance of " + call.openBalance().toPlainString() + ".");
    }
    return new CallReport(CallOutcome.PROMISED_TO_PAY, date, amount, List.of(), null, null, null,
        null, note);
  }

  private static CallReport dispute(Map<String, Object> form, Call call, String note) {
    String reason = FormValues.note(form.get(DISPUTE_REASON), "The reason for the dispute", true);
    List<String> disputed = FormValues.texts(form.get(DISPUTED_INVOICES));
    if (disputed.isEmpty() && call.invoiceNumbers().size() == 1) {
      disputed = call.invoiceNumbers();
    }
    if (disputed.isEmpty()) {
      throw new InvalidReportException("Tick the invoices the customer disputes.");
    }
    for (String invoiceNumber : disputed) {
      if (!call.invoiceNumbers().contains(invoiceNumber)) {
        throw new InvalidReportException("Invoice " + invoiceNumber + " is not part of this call.");
      }
    }
    return new CallReport(CallOutcome.DISPUTED, null, null, List.copyOf(disputed), reason, null,
        null, null, note);
  }

  private static Contact contact(Map<String, Object> form) {
    String name = FormValues.line(form.get(CONTACT_NAME), "The new contact's name", ".{1,200}",
        "is too long", true);
    String phone = FormValues.line(form.get(CONTACT_PHONE), "The new phone number",
        ContactRules.PHONE, ContactRules.PHONE_MESSAGE, false);
    String email = FormValues.line(form.get(CONTACT_EMAIL), "The new e-mail address",
        ContactRules.EMAIL, "is not an e-mail address", false);
    if (phone == null && email == null) {
      throw new InvalidReportException("Give the new contact's phone number or e-mail address.");
    }
    return new Contact(name, phone, email);
  }

  private static CallReport reportedPayment(Map<String, Object> form, Call call, String note) {
    LocalDate paidOn = FormValues.date(form.get(PAID_ON), "The date the customer paid");
    if (paidOn == null) {
      throw new InvalidReportException("Give the date the customer says they paid.");
    }
    if (paidOn.isAfter(call.today())) {
      throw new InvalidReportException("The payment date " + paidOn + " is in the future.");
    }
    String reference = FormValues.line(form.get(PAYMENT_REFERENCE), "The payment reference",
        ".{1,100}", "is too long", true);
    return new CallReport(CallOutcome.ALREADY_PAID, null, null, List.of(), null, null, paidOn,
        reference, note);
  }
}
