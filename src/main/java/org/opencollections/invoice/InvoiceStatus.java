package org.opencollections.invoice;

/** Whether an invoice still awaits payment. */
public enum InvoiceStatus {
  OPEN,
  PAID,
  CANCELLED
}
