package org.opencollections.dunning;

/** A manager's request to put a customer on credit hold or lift the hold, with the reason. */
public record HoldChangeRequest(String customerId, Action action, String reason) {

  public enum Action { PLACE, LIFT }

  public static final String CUSTOMER_ID = "customerId";
  public static final String ACTION = "holdAction";
  public static final String REASON = "holdReason";

  public static HoldChangeRequest of(Object customerId, Object action, Object reason) {
    String customer = FormValues.text(customerId);
    if (customer == null) {
      throw new InvalidReportException("The customer id is required.");
    }
    return new HoldChangeRequest(customer,
        FormValues.choice(action, Action.class, "Place or lift"),
        FormValues.note(reason, "The reason", true));
  }
}
