package org.opencollections.dunning;

/** What a person did about a task whose only outcome is a note, such as a payment check. */
public record FollowUpNote(String text) {

  public static FollowUpNote of(Object note) {
    return new FollowUpNote(FormValues.note(note, "A note on what you did", true));
  }
}
