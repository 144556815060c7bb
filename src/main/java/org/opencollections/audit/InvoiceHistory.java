package org.opencollections.audit;

import static org.opencollections.audit.HistoryEvent.Category;
import static org.opencollections.audit.HistoryEvent.Source;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencollections.charges.ChargeRecord;
import org.opencollections.charges.ChargeRecords;
import org.opencollections.credit.CreditHold;
import org.opencollections.credit.CreditHolds;
import org.opencollections.dunning.DunningMail;
import org.opencollections.invoice.ContactLog;
import org.opencollections.invoice.ContactLogEntry;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.InvoiceNotFoundException;
import org.opencollections.invoice.Invoices;
import org.opencollections.invoice.Money;
import org.opencollections.invoice.Payment;
import org.opencollections.invoice.Payments;
import org.opencollections.mail.Outbox;
import org.opencollections.mail.OutboxMail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happened to one invoice, in order: the application's own records (contact log,
 * mail outbox, late charges, payments, credit holds) merged with the process engine's history
 * (the case and its version, tasks, user operations, incidents). Read-only.
 */
@Service
public class InvoiceHistory {

  private final Invoices invoices;
  private final ContactLog contactLog;
  private final Outbox outbox;
  private final ChargeRecords charges;
  private final Payments payments;
  private final CreditHolds holds;
  private final EngineHistory engine;
  private final Clock clock;

  InvoiceHistory(Invoices invoices, ContactLog contactLog, Outbox outbox, ChargeRecords charges,
      Payments payments, CreditHolds holds, EngineHistory engine, Clock clock) {
    this.invoices = invoices;
    this.contactLog = contactLog;
    this.outbox = outbox;
    this.charges = charges;
    this.payments = payments;
    this.holds = holds;
    this.engine = engine;
    this.clock = clock;
  }

  /** The invoice and its events, oldest first; events at the same moment keep their sources' order. */
  public record Timeline(Invoice invoice, List<HistoryEvent> events) {
  }

  @Transactional(readOnly = true)
  public Timeline of(String invoiceNumber) {
    Invoice invoice = invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    List<HistoryEvent> events = new ArrayList<>();
    events.add(HistoryEvent.of(invoice.getCreatedAt(), Category.CASE, "Invoice registered",
        Money.text(invoice.getAmount(), invoice.getCurrency()) + ", issued " + invoice.getIssueDate()
            + ", due " + invoice.getDueDate() + ", customer " + invoice.getCustomer().getName()
            + " (" + invoice.getCustomer().getId() + ")",
        orEmpty(invoice.getRegisteredBy()), Source.INVOICES));
    events.addAll(engine.eventsOf(invoice));
    List<ContactLogEntry> log = contactLog.findByInvoiceOrderByOccurredAtAscIdAsc(invoice);
    events.addAll(mails(invoice, log));
    contacts(log, events);
    charges(invoice, events);
    payments(invoice, events);
    holds(invoice, events);
    events.sort(Comparator.comparing(HistoryEvent::at).thenComparingInt(InvoiceHistory::rank));
    return new Timeline(invoice, List.copyOf(events));
  }

  /** The ids of the outbox mails in the invoice's history: its own and those about it and others. */
  @Transactional(readOnly = true)
  public Set<Long> mailIds(String invoiceNumber) {
    Invoice invoice = invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    Set<Long> ids = new HashSet<>();
    mails(invoice, contactLog.findByInvoiceOrderByOccurredAtAscIdAsc(invoice)).stream()
        .map(HistoryEvent::mailId).filter(Objects::nonNull).forEach(ids::add);
    return ids;
  }

  /** Sent mails from the contact log, with what the outbox knows; mails not (yet) sent from the outbox. */
  private List<HistoryEvent> mails(Invoice invoice, List<ContactLogEntry> log) {
    List<HistoryEvent> events = new ArrayList<>();
    List<OutboxMail> rows = outbox.findByInvoiceNumberOrderByCreatedAtAscIdAsc(invoice.getInvoiceNumber());
    Set<Long> shown = new HashSet<>();
    for (ContactLogEntry entry : log) {
      if (entry.getChannel() != ContactLogEntry.Channel.EMAIL) {
        continue;
      }
      // A mail about several invoices (a promise, a payment plan) is in the outbox once, under one of them.
      OutboxMail row = rows.stream()
          .filter(mail -> !shown.contains(mail.getId()) && sameMail(mail, entry))
          .findFirst()
          .or(() -> outbox.findByKindAndSubjectOrderByIdAsc(entry.getKind(), entry.getSubject()).stream()
              .filter(mail -> !shown.contains(mail.getId()) && sameMail(mail, entry)).findFirst())
          .orElse(null);
      if (row != null) {
        shown.add(row.getId());
      }
      events.add(new HistoryEvent(entry.getOccurredAt(), Category.MAIL, "Mail sent: " + words(entry.getKind()),
          mailDetail(entry.getKind(), entry.getSubject(), entry.getRecipient(), row), entry.getActor(),
          row == null ? Source.CONTACT_LOG : Source.OUTBOX, row == null ? null : row.getId()));
    }
    for (OutboxMail row : rows) {
      if (!shown.contains(row.getId())) {
        String recipients = row.getRecipients() + (row.getCc() == null ? "" : "; cc: " + row.getCc());
        events.add(new HistoryEvent(row.getCreatedAt(), Category.MAIL,
            (row.getStatus() == OutboxMail.Status.SENT ? "Mail sent: " : "Mail not sent yet: ")
                + words(row.getKind()),
            mailDetail(row.getKind(), row.getSubject(), recipients, row)
                + (row.getLastError() == null ? "" : "; last error: " + row.getLastError()),
            "system", Source.OUTBOX, row.getId()));
      }
    }
    return events;
  }

  private static boolean sameMail(OutboxMail mail, ContactLogEntry entry) {
    return mail.getKind().equals(entry.getKind()) && mail.getSubject().equals(entry.getSubject())
        && entry.getRecipient() != null && entry.getRecipient().startsWith(mail.getRecipients());
  }

  private static String mailDetail(String kind, String subject, String recipients, OutboxMail row) {
    StringBuilder detail = new StringBuilder("\"").append(subject).append("\" to ").append(recipients);
    stageOf(kind).ifPresent(stage -> detail.append("; stage: ").append(stage));
    if (row != null) {
      detail.append("; language: ").append(orEmpty(row.getLanguage()))
          .append("; outbox: ").append(row.getStatus().name().toLowerCase(Locale.ROOT));
      if (row.getAttempts() > 1) {
        detail.append(" after ").append(row.getAttempts()).append(" attempts");
      }
      if (row.getAttachments() != null && !row.getAttachments().isBlank()) {
        detail.append("; attached: ").append(row.getAttachments());
      }
    }
    return detail.toString();
  }

  private static Optional<String> stageOf(String kind) {
    try {
      return Optional.of(words(DunningMail.valueOf(kind).stage().name()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void contacts(List<ContactLogEntry> log, List<HistoryEvent> events) {
    for (ContactLogEntry entry : log) {
      if (entry.getChannel() == ContactLogEntry.Channel.EMAIL) {
        continue;
      }
      events.add(HistoryEvent.of(entry.getOccurredAt(), category(entry), title(entry),
          detail(entry), entry.getActor(), Source.CONTACT_LOG));
    }
  }

  private static Category category(ContactLogEntry entry) {
    String outcome = orEmpty(entry.getOutcome());
    return switch (entry.getChannel()) {
      case LETTER -> Category.LETTER;
      case PHONE -> outcome.equals("PROMISED_TO_PAY") ? Category.PROMISE
          : outcome.equals("DISPUTED") ? Category.DISPUTE : Category.CALL;
      default -> switch (entry.getKind()) {
        case "PROMISE" -> Category.PROMISE;
        case "DISPUTE" -> Category.DISPUTE;
        case "CREDIT_HOLD" -> Category.HOLD;
        case "DISCOUNT" -> Category.DISCOUNT;
        case "PAYMENT_PLAN" -> Category.PLAN;
        case "CALL" -> Category.CALL;
        default -> Category.DECISION;
      };
    };
  }

  private static String title(ContactLogEntry entry) {
    String kind = entry.getKind();
    String outcome = orEmpty(entry.getOutcome());
    if (entry.getChannel() == ContactLogEntry.Channel.LETTER) {
      return "Letter posted: " + words(kind);
    }
    if (entry.getChannel() == ContactLogEntry.Channel.PHONE) {
      String who = kind.equals("SALES_FOLLOW_UP") ? "Sales rep's follow-up" : "Call";
      if (outcome.equals("PROMISED_TO_PAY")) {
        return who + ": promised to pay" + (entry.getPromisedOn() == null ? "" : " by " + entry.getPromisedOn());
      }
      return who + ": " + words(outcome).toLowerCase(Locale.ROOT)
          + (entry.getPromisedOn() == null ? "" : ", payment expected " + entry.getPromisedOn());
    }
    return switch (kind + "/" + outcome) {
      case "PROMISE/KEPT" -> "Promise kept";
      case "PROMISE/BROKEN" -> "Promise broken";
      case "CREDIT_HOLD/PLACED" -> "Customer put on credit hold";
      case "CREDIT_HOLD/ALREADY_ON_HOLD" -> "Invoice keeps the customer on credit hold";
      case "DISCOUNT/GRANTED" -> "Early-payment discount granted";
      default -> words(kind) + ": " + words(outcome).toLowerCase(Locale.ROOT);
    };
  }

  private static String detail(ContactLogEntry entry) {
    if (entry.getChannel() == ContactLogEntry.Channel.LETTER) {
      return entry.getNote() == null ? "" : "\"" + entry.getNote() + "\"";
    }
    return orEmpty(entry.getNote());
  }

  private void charges(Invoice invoice, List<HistoryEvent> events) {
    for (ChargeRecord charge : charges.findByInvoiceOrderByLevelAscIdAsc(invoice)) {
      String what = words(charge.getKind().name()).toLowerCase(Locale.ROOT) + " of "
          + Money.text(charge.getAmount(), charge.getCurrency()) + " with reminder " + charge.getLevel();
      events.add(HistoryEvent.of(charge.getChargedAt(), Category.CHARGE, "Late charge computed: " + what,
          charge.getExplanation(), "system", Source.LATE_CHARGES));
      if (charge.getWaivedAt() != null) {
        events.add(HistoryEvent.of(charge.getWaivedAt(), Category.CHARGE, "Late charge waived: " + what,
            orEmpty(charge.getWaiveReason()), charge.getWaivedBy(), Source.LATE_CHARGES));
      }
    }
  }

  private void payments(Invoice invoice, List<HistoryEvent> events) {
    for (Payment payment : payments.findByInvoiceOrderByPaidOnAscIdAsc(invoice)) {
      events.add(HistoryEvent.of(payment.getRecordedAt(), Category.PAYMENT,
          "Payment received: " + Money.text(payment.getAmount(), payment.getCurrency()),
          "reference " + payment.getReference() + ", value date " + payment.getPaidOn()
              + (payment.getStage() == null ? "" : ", arrived at stage " + words(payment.getStage().name())),
          payment.getRecordedBy(), Source.PAYMENTS));
    }
  }

  /**
   * Holds placed by hand and every lift while the invoice was open; holds the process placed are
   * in the contact log of the invoices that caused them.
   */
  private void holds(Invoice invoice, List<HistoryEvent> events) {
    Instant from = invoice.getCreatedAt();
    Instant until = invoice.getClosedOn()
        .map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .orElse(clock.instant());
    for (CreditHold hold : holds.findByCustomerIdOrderByPlacedAtAscIdAsc(invoice.getCustomer().getId())) {
      if (hold.isManual() && within(hold.getPlacedAt(), from, until)) {
        events.add(HistoryEvent.of(hold.getPlacedAt(), Category.HOLD,
            "Customer put on credit hold by a manager", hold.getReason(), hold.getPlacedBy(),
            Source.CREDIT_HOLDS));
      }
      if (hold.getLiftedAt() != null && within(hold.getLiftedAt(), from, until)) {
        events.add(HistoryEvent.of(hold.getLiftedAt(), Category.HOLD, "Credit hold lifted",
            orEmpty(hold.getLiftReason()) + (hold.getLiftApprovedBy() == null ? ""
                : "; approved by " + hold.getLiftApprovedBy()),
            orEmpty(hold.getLiftedBy()), Source.CREDIT_HOLDS));
      }
    }
  }

  /**
   * Among events of the same moment, causes before effects: what a person did, then what the
   * process decided, then the tasks and mails that followed, the end of the case last.
   */
  private static int rank(HistoryEvent event) {
    return switch (event.category()) {
      case CASE -> event.title().startsWith("Invoice registered") ? 0
          : event.title().endsWith("started") ? 1 : 9;
      case USER_ACTION -> 2;
      case PAYMENT -> 3;
      case CALL, PROMISE, DISPUTE, LETTER -> "system".equals(event.actor()) ? 5 : 3;
      case TASK -> event.title().startsWith("Task created") ? 6 : 4;
      case MAIL -> 7;
      default -> 5;
    };
  }

  private static boolean within(Instant at, Instant from, Instant until) {
    return !at.isBefore(from) && !at.isAfter(until);
  }

  /** {@code SECOND_OVERDUE_NOTICE} as "Second overdue notice". */
  static String words(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
