package org.opencollections.invoice;

/** The payment contradicts what is recorded: a reused reference, or an invoice that was cancelled. */
public class PaymentConflictException extends RuntimeException {

  public PaymentConflictException(String message) {
    super(message);
  }
}
