package org.opencollections.invoice;

public class DuplicateInvoiceException extends RuntimeException {

  public DuplicateInvoiceException(String invoiceNumber) {
    super("Invoice " + invoiceNumber + " is already registered");
  }
}
