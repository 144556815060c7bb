package org.opencollections.dunning;

/** What came of a collection call; the names are the values the call form submits. */
public enum CallOutcome {
  PROMISED_TO_PAY,
  DISPUTED,
  NO_ANSWER,
  WRONG_CONTACT,
  ALREADY_PAID
}
