package org.opencollections.dunning;

import java.util.Objects;

/** A second manager's decision on lifting a credit hold (four eyes). */
public record LiftApproval(Decision decision, String note) {

  public enum Decision { APPROVE, REFUSE }

  public static final String DECISION = "liftDecision";
  public static final String NOTE = "liftNote";

  /** @throws InvalidReportException also when the manager who asked for the lift approves it */
  public static LiftApproval of(Object decision, Object note, String approver, String requester) {
    LiftApproval approval = new LiftApproval(
        FormValues.choice(decision, Decision.class, "The decision"),
        FormValues.note(note, "The reason for the decision", true));
    if (approver != null && Objects.equals(approver, requester)) {
      throw new InvalidReportException(
          "You asked for this lift; a second manager must decide on it.");
    }
    return approval;
  }
}
