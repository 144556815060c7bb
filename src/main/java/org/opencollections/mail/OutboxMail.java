package org.opencollections.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A mail as it was rendered and recorded before it went to the SMTP server, once per invoice,
 * mail and attempt (the reminder or instalment it belongs to).
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail {

  /**
   * PENDING: recorded, not (yet) taken by the SMTP server; SENDING: being handed over (a crash
   * here leaves it unknown whether it went out); SENT: taken by the SMTP server.
   */
  public enum Status { PENDING, SENDING, SENT }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String mailKey;
  private String invoiceNumber;
  private String kind;
  private String recipients;
  private String cc;
  private String subject;
  private String body;
  private String htmlBody;
  private String attachments;
  private String language;
  @Enumerated(EnumType.STRING)
  private Status status;
  private int attempts;
  private String lastError;
  private Instant createdAt;
  private Instant sentAt;

  protected OutboxMail() {
  }

  OutboxMail(String mailKey, String invoiceNumber, String kind, OutgoingMail mail, String language,
      Instant now) {
    this.mailKey = mailKey;
    this.invoiceNumber = invoiceNumber;
    this.kind = kind;
    this.status = Status.PENDING;
    this.createdAt = now;
    this.language = language;
    render(mail);
  }

  /** The content as rendered now; a mail not yet sent goes out as it reads at the moment of sending. */
  void render(OutgoingMail mail) {
    this.recipients = mail.to().toString();
    this.cc = mail.cc().isEmpty() ? null
        : String.join(", ", mail.cc().stream().map(OutgoingMail.Address::toString).toList());
    this.subject = mail.subject();
    this.body = mail.body();
    this.htmlBody = mail.html();
    this.attachments = mail.attachmentNames();
  }

  void sending() {
    status = Status.SENDING;
    attempts++;
  }

  void sent(Instant now) {
    status = Status.SENT;
    sentAt = now;
    lastError = null;
  }

  void failed(String error) {
    status = Status.PENDING;
    lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
  }

  public Long getId() {
    return id;
  }

  public String getMailKey() {
    return mailKey;
  }

  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public String getKind() {
    return kind;
  }

  public String getRecipients() {
    return recipients;
  }

  public String getCc() {
    return cc;
  }

  public String getSubject() {
    return subject;
  }

  /** The HTML version as sent, or null for a mail sent as plain text only. */
  public String getHtmlBody() {
    return htmlBody;
  }

  /** The file names attached, comma-separated, or null. */
  public String getAttachments() {
    return attachments;
  }

  /** The language the mail is written in (a language tag such as de). */
  public String getLanguage() {
    return language;
  }

  public String getBody() {
    return body;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
