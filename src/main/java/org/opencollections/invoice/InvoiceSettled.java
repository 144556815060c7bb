package org.opencollections.invoice;

/** Published inside the payment's transaction: the invoice is paid in full and its case ends. */
public record InvoiceSettled(Invoice invoice) {
}
