package org.opencollections.mail;

import java.util.List;

/** A mail ready to hand to the SMTP server. */
public record OutgoingMail(Address to, List<Address> cc, String subject, String body) {

  /** An address with the person's name, so the mail is addressed to someone, not to an inbox. */
  public record Address(String email, String name) {

    @Override
    public String toString() {
      return name == null || name.isBlank() ? email : name + " <" + email + ">";
    }
  }

  public OutgoingMail {
    cc = cc == null ? List.of() : List.copyOf(cc);
  }

  /** The recipients as the contact history shows them. */
  public String recipients() {
    StringBuilder text = new StringBuilder(to.toString());
    if (!cc.isEmpty()) {
      text.append("; cc: ");
      text.append(String.join(", ", cc.stream().map(Address::toString).toList()));
    }
    return text.toString();
  }
}
