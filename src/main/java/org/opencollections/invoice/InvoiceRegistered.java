package org.opencollections.invoice;

/** Published inside the registering transaction: the invoice's collection case must start now. */
public record InvoiceRegistered(Invoice invoice) {
}
