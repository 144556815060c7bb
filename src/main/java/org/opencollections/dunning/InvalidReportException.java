package org.opencollections.dunning;

/** A task form was submitted with values that cannot be recorded; the message says which and why. */
public class InvalidReportException extends RuntimeException {

  public InvalidReportException(String message) {
    super(message);
  }
}
