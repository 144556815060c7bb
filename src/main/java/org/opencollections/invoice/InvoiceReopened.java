package org.opencollections.invoice;

/** A settled invoice is owed again because its payment came back; its collection starts anew. */
public record InvoiceReopened(Invoice invoice) {
}
