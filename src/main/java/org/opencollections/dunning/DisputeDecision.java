package org.opencollections.dunning;

/** A manager's decision on a disputed invoice. */
public record DisputeDecision(Resolution resolution, String note) {

  /** UPHELD ends the case with a credit note; REJECTED resumes the dunning. */
  public enum Resolution { UPHELD, REJECTED }

  public static DisputeDecision of(Object resolution, Object note) {
    return new DisputeDecision(
        FormValues.choice(resolution, Resolution.class, "The decision on the dispute"),
        FormValues.note(note, "The reason for the decision", true));
  }
}
