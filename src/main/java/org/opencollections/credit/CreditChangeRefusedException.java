package org.opencollections.credit;

/** A change of a credit hold that the rules do not allow, such as lifting one's own request. */
public class CreditChangeRefusedException extends RuntimeException {

  public CreditChangeRefusedException(String message) {
    super(message);
  }
}
