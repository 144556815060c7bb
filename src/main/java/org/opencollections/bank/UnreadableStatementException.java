package org.opencollections.bank;

/** A statement file that cannot be read as camt.053; the message says where and why. */
public class UnreadableStatementException extends RuntimeException {

  public UnreadableStatementException(String message) {
    super(message);
  }
}
