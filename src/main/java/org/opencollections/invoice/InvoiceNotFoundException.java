package org.opencollections.invoice;

public class InvoiceNotFoundException extends RuntimeException {

  public InvoiceNotFoundException(String invoiceNumber) {
    super("No invoice with number " + invoiceNumber);
  }
}
