package org.opencollections.audit;

import java.time.Instant;
import java.util.List;
import org.opencollections.mail.Outbox;
import org.opencollections.mail.OutboxMail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** An invoice's history over REST, as JSON or CSV, for BI tools; and the content of its mails. */
@RestController
@RequestMapping("/api/invoices/{invoiceNumber}")
class HistoryController {

  private final InvoiceHistory history;
  private final Outbox outbox;

  HistoryController(InvoiceHistory history, Outbox outbox) {
    this.history = history;
    this.outbox = outbox;
  }

  record EventView(Instant at, HistoryEvent.Category category, String title, String detail,
      String actor, String source, String mail) {
  }

  record HistoryView(String invoiceNumber, List<EventView> events) {
  }

  record MailView(long id, String kind, String status, String language, String recipients, String cc,
      String subject, Instant createdAt, Instant sentAt, int attempts, String lastError,
      String attachments, String text, String html) {
  }

  @GetMapping(value = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
  HistoryView history(@PathVariable String invoiceNumber) {
    var timeline = history.of(invoiceNumber);
    return new HistoryView(invoiceNumber, timeline.events().stream()
        .map(event -> new EventView(event.at(), event.category(), event.title(), event.detail(),
            event.actor(), event.source().label(), event.mailId() == null ? null
                : "/api/invoices/" + invoiceNumber + "/mails/" + event.mailId()))
        .toList());
  }

  /** The same as CSV, when asked with {@code format=csv} or {@code Accept: text/csv}. */
  @GetMapping(value = "/history", params = "format=csv")
  ResponseEntity<String> historyCsv(@PathVariable String invoiceNumber) {
    return csv(invoiceNumber);
  }

  @GetMapping(value = "/history", produces = "text/csv")
  ResponseEntity<String> historyAsCsv(@PathVariable String invoiceNumber) {
    return csv(invoiceNumber);
  }

  /** A mail in this invoice's history, as it was sent: text and HTML. */
  @GetMapping("/mails/{mailId}")
  MailView mail(@PathVariable String invoiceNumber, @PathVariable long mailId) {
    OutboxMail mail = mailOf(history, outbox, invoiceNumber, mailId);
    return new MailView(mail.getId(), mail.getKind(), mail.getStatus().name(), mail.getLanguage(),
        mail.getRecipients(), mail.getCc(), mail.getSubject(), mail.getCreatedAt(), mail.getSentAt(),
        mail.getAttempts(), mail.getLastError(), mail.getAttachments(), mail.getBody(),
        mail.getHtmlBody());
  }

  /** Only a mail of this invoice's history: the invoice number in the path is the access check. */
  static OutboxMail mailOf(InvoiceHistory history, Outbox outbox, String invoiceNumber, long mailId) {
    boolean inHistory = history.mailIds(invoiceNumber).contains(mailId);
    return outbox.findById(mailId).filter(mail -> inHistory).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "Invoice " + invoiceNumber + " has no mail " + mailId));
  }

  private ResponseEntity<String> csv(String invoiceNumber) {
    return HistoryCsv.download(invoiceNumber, history.of(invoiceNumber).events());
  }
}
