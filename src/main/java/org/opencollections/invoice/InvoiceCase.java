package org.opencollections.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencollections.dunning.DunningStage;

/** An invoice and everything its collection case has done so far, as the API shows it. */
public record InvoiceCase(
    String invoiceNumber,
    InvoiceStatus status,
    DunningStage stage,
    BigDecimal amount,
    String currency,
    BigDecimal balance,
    LocalDate issueDate,
    LocalDate dueDate,
    long daysOverdue,
    String creditorReference,
    DiscountView earlyPaymentDiscount,
    BigDecimal discountGranted,
    CustomerView customer,
    String caseId,
    List<PaymentView> payments,
    List<ContactView> contacts) {

  /** Early-payment terms: the discounted amount settles the invoice when paid by the deadline. */
  public record DiscountView(BigDecimal percent, int days, LocalDate deadline, BigDecimal discountedAmount) {
  }

  public record CustomerView(String id, String name, String contactName, String email, String phone,
      String locale, String salesRepEmail, String segment, String country, boolean reminderFeesAgreed,
      List<String> postalAddress) {

    static CustomerView of(Customer customer) {
      return new CustomerView(customer.getId(), customer.getName(), customer.getContactName(),
          customer.getEmail(), customer.getPhone(), customer.getLocaleTag(),
          customer.getSalesRepEmail(), customer.getSegment().name(), customer.getCountry(),
          customer.isReminderFeesAgreed(), customer.getPostalAddress());
    }
  }

  public record PaymentView(String reference, BigDecimal amount, String currency, LocalDate paidOn,
      Instant recordedAt, String recordedBy) {

    static PaymentView of(Payment payment) {
      return new PaymentView(payment.getReference(),
          Money.scaled(payment.getAmount(), payment.getCurrency()), payment.getCurrency(),
          payment.getPaidOn(), payment.getRecordedAt(), payment.getRecordedBy());
    }
  }

  /** One contact: {@code kind} is the mail's template or what was reported (CALL, SALES_FOLLOW_UP...). */
  public record ContactView(Instant at, ContactLogEntry.Channel channel, String kind, String to,
      String subject, String outcome, LocalDate promisedOn, String note, String by, String summary) {

    static ContactView of(ContactLogEntry entry) {
      return new ContactView(entry.getOccurredAt(), entry.getChannel(), entry.getKind(),
          entry.getRecipient(), entry.getSubject(), entry.getOutcome(), entry.getPromisedOn(),
          entry.getNote(), entry.getActor(), entry.summary());
    }
  }
}
