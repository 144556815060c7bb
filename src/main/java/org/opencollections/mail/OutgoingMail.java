package org.opencollections.mail;

import java.util.List;

/**
 * A mail ready to hand to the SMTP server: its plain text, the same as HTML (may be absent), and
 * the files attached.
 */
public record OutgoingMail(Address to, List<Address> cc, String subject, String body, String html,
    List<Attachment> attachments) {

  /** An address with the person's name, so the mail is addressed to someone, not to an inbox. */
  public record Address(String email, String name) {

    @Override
    public String toString() {
      return name == null || name.isBlank() ? email : name + " <" + email + ">";
    }
  }

  /** A file sent with the mail, such as the PDF copy of the invoice. */
  public record Attachment(String fileName, String contentType, byte[] content) {
  }

  public OutgoingMail {
    cc = cc == null ? List.of() : List.copyOf(cc);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public OutgoingMail(Address to, List<Address> cc, String subject, String body) {
    this(to, cc, subject, body, null, List.of());
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

  /** The names of the files attached, as the outbox records them. */
  public String attachmentNames() {
    return attachments.isEmpty() ? null
        : String.join(", ", attachments.stream().map(Attachment::fileName).toList());
  }
}
