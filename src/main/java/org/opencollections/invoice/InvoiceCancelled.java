package org.opencollections.invoice;

/** Published inside the cancelling transaction: a credit note replaced the invoice. */
public record InvoiceCancelled(Invoice invoice) {
}
