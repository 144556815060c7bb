package org.opencollections.dunning;

/** What came of a collection call; the names are the values the call form submits. */
public enum CallOutcome {
  PROMISED_TO_PAY("Reached: promised to pay"),
  DISPUTED("Reached: disputes the invoice"),
  NO_ANSWER("No answer or voicemail"),
  WRONG_CONTACT("Wrong contact"),
  ALREADY_PAID("Says it is already paid");

  private final String label;

  CallOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
