package org.opencollections.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of an invoice file (docs/invoice-import.md), each the field of
 * {@code POST /api/invoices} it fills. Headers are matched ignoring case, spaces, '_' and '-', so
 * {@code Invoice number} and {@code invoice_number} both name {@link #INVOICE_NUMBER}.
 */
enum InvoiceFileColumn {
  INVOICE_NUMBER("invoiceNumber", "invoiceNumber", true),
  CUSTOMER_ID("customerId", "customer.id", true),
  CUSTOMER_NAME("customerName", "customer.name", true),
  CONTACT_NAME("contactName", "customer.contactName", true),
  EMAIL("email", "customer.email", true),
  PHONE("phone", "customer.phone", true),
  LOCALE("locale", "customer.locale", false),
  SALES_REP_EMAIL("salesRepEmail", "customer.salesRepEmail", true),
  SEGMENT("segment", "customer.segment", false),
  COUNTRY("country", "customer.country", false),
  REMINDER_FEES_AGREED("reminderFeesAgreed", "customer.reminderFeesAgreed", false),
  POSTAL_ADDRESS("postalAddress", "customer.postalAddress", false),
  AMOUNT("amount", "amount", true),
  CURRENCY("currency", "currency", true),
  ISSUE_DATE("issueDate", "issueDate", true),
  DUE_DATE("dueDate", "dueDate", true),
  DISCOUNT_PERCENT("discountPercent", "earlyPaymentDiscount.percent", false),
  DISCOUNT_DAYS("discountDays", "earlyPaymentDiscount.days", false);

  /** The name the documentation and the error reports use. */
  final String header;
  /** The field of the API request the column fills, as the validator names it. */
  final String property;
  final boolean required;

  InvoiceFileColumn(String header, String property, boolean required) {
    this.header = header;
    this.property = property;
    this.required = required;
  }

  /** The column a header cell names, ignoring case, spaces, '_' and '-'. */
  static Optional<InvoiceFileColumn> named(String headerCell) {
    String key = key(headerCell);
    return Stream.of(values()).filter(column -> key(column.header).equals(key)).findFirst();
  }

  /**
   * The column a validation message is about: {@code customer.email} is {@link #EMAIL},
   * {@code customer.postalAddress[1].<list element>} is {@link #POSTAL_ADDRESS}.
   */
  static Optional<InvoiceFileColumn> ofProperty(String path) {
    return Stream.of(values())
        .filter(column -> path.equals(column.property) || path.startsWith(column.property + "[")
            || path.startsWith(column.property + "."))
        .findFirst();
  }

  private static String key(String name) {
    return name.strip().replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
  }
}
