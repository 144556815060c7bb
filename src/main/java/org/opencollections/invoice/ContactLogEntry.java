package org.opencollections.invoice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** One contact about an invoice: a mail that went out, or a call and its outcome. */
@Entity
@Table(name = "contact_log")
public class ContactLogEntry {

  /** How the contact was made. */
  public enum Channel { EMAIL, LETTER, PHONE, DECISION }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;
  private Instant occurredAt;
  @Enumerated(EnumType.STRING)
  private Channel channel;
  private String kind;
  private String recipient;
  private String subject;
  private String outcome;
  private LocalDate promisedOn;
  private String note;
  private String actor;

  protected ContactLogEntry() {
  }

  private ContactLogEntry(Invoice invoice, Instant occurredAt, Channel channel, String kind,
      String actor) {
    this.invoice = invoice;
    this.occurredAt = occurredAt;
    this.channel = channel;
    this.kind = kind;
    this.actor = actor;
  }

  /** A mail handed to the mail server. */
  public static ContactLogEntry mail(Invoice invoice, Instant sentAt, String kind, String recipients,
      String subject) {
    ContactLogEntry entry = new ContactLogEntry(invoice, sentAt, Channel.EMAIL, kind, "system");
    entry.recipient = recipients;
    entry.subject = subject;
    return entry;
  }

  /** What a person did or learned about the invoice: a call, a sales rep's report, a decision. */
  public static ContactLogEntry report(Invoice invoice, Instant at, Channel channel, String kind,
      String outcome, LocalDate promisedOn, String note, String actor) {
    ContactLogEntry entry = new ContactLogEntry(invoice, at, channel, kind, actor);
    entry.outcome = outcome;
    entry.promisedOn = promisedOn;
    entry.note = note;
    return entry;
  }

  /** The entry in one line of words, for mails and task forms. */
  public String summary() {
    if (channel == Channel.EMAIL) {
      return "Mail \"" + subject + "\" to " + recipient;
    }
    String what = words(kind);
    return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " by " + actor + ": " + words(outcome)
        + (promisedOn == null ? "" : " " + promisedOn)
        + (note == null ? "" : " (" + note + ")");
  }

  private static String words(String code) {
    return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getKind() {
    return kind;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getOutcome() {
    return outcome;
  }

  /** The day the customer promised to pay, or the sales rep expects the payment. */
  public LocalDate getPromisedOn() {
    return promisedOn;
  }

  public String getNote() {
    return note;
  }

  public String getActor() {
    return actor;
  }
}
