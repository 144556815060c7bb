package org.opencollections.invoice;

/** A well-formed payment that cannot apply: the field names what does not fit. */
public class PaymentRejectedException extends RuntimeException {

  private final String field;

  public PaymentRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
