package org.opencollections.audit;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opencollections.charges.ChargeAlreadyWaivedException;
import org.opencollections.charges.ChargeNotFoundException;
import org.opencollections.charges.ChargingLateFees;
import org.opencollections.dunning.process.ScheduleProperties;
import org.opencollections.invoice.InvoiceNotFoundException;
import org.opencollections.invoice.Money;
import org.opencollections.mail.Outbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * An invoice's history as a page, a printable page and a CSV download; the mails it holds; and
 * the one change offered here, a manager's waiver of a late charge.
 */
@Controller
class InvoicePages {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int MAX_REASON = 500;

  private final InvoiceHistory history;
  private final ChargingLateFees charging;
  private final Outbox outbox;
  private final ZoneId zone;

  InvoicePages(InvoiceHistory history, ChargingLateFees charging, Outbox outbox,
      ScheduleProperties schedule) {
    this.history = history;
    this.charging = charging;
    this.outbox = outbox;
    this.zone = schedule.zone();
  }

  /** One line of the timeline, its time in the business's zone. */
  record Line(String when, HistoryEvent event, String mailLink) {
  }

  /** A late charge with what the page shows of it. */
  record ChargeLine(long id, int reminder, String kind, String amount, String explanation,
      String chargedAt, boolean waived, String waiver) {
  }

  @GetMapping("/reports/invoices/{invoiceNumber}")
  String invoice(@PathVariable String invoiceNumber, Model model) {
    fill(invoiceNumber, model);
    model.addAttribute("charges", charging.charges(invoiceNumber).stream()
        .map(charge -> new ChargeLine(charge.getId(), charge.getLevel(),
            InvoiceHistory.words(charge.getKind().name()),
            Money.text(charge.getAmount(), charge.getCurrency()),
            charge.getExplanation(), when(charge.getChargedAt()), charge.getWaivedAt() != null,
            charge.getWaivedAt() == null ? "" : "Waived " + when(charge.getWaivedAt()) + " by "
                + charge.getWaivedBy() + ": " + charge.getWaiveReason()))
        .toList());
    return "reports/invoice";
  }

  /** The history laid out for paper: no navigation, every event, the time it was printed. */
  @GetMapping("/reports/invoices/{invoiceNumber}/print")
  String print(@PathVariable String invoiceNumber, Model model) {
    fill(invoiceNumber, model);
    return "reports/invoice-print";
  }

  @GetMapping("/reports/invoices/{invoiceNumber}/history.csv")
  ResponseEntity<String> csv(@PathVariable String invoiceNumber) {
    return HistoryCsv.download(invoiceNumber, history.of(invoiceNumber).events());
  }

  @GetMapping("/reports/invoices/{invoiceNumber}/mails/{mailId}")
  String mail(@PathVariable String invoiceNumber, @PathVariable long mailId, Model model) {
    var mail = HistoryController.mailOf(history, outbox, invoiceNumber, mailId);
    model.addAttribute("invoiceNumber", invoiceNumber);
    model.addAttribute("mail", mail);
    model.addAttribute("created", when(mail.getCreatedAt()));
    model.addAttribute("sent", mail.getSentAt() == null ? "not sent" : when(mail.getSentAt()));
    return "reports/mail";
  }

  @PostMapping("/reports/invoices/{invoiceNumber}/charges/{chargeId}/waiver")
  String waive(@PathVariable String invoiceNumber, @PathVariable long chargeId,
      @RequestParam(defaultValue = "") String reason, Principal user, RedirectAttributes flash) {
    String why = reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON || why.contains("\n") || why.contains("\r")) {
      flash.addFlashAttribute("error", "Give the reason for the waiver in one line of at most "
          + MAX_REASON + " characters; nothing was changed.");
    } else {
      try {
        var charge = charging.waive(invoiceNumber, chargeId, why, user.getName());
        flash.addFlashAttribute("message", "Waived the " + InvoiceHistory.words(charge.getKind().name())
            .toLowerCase() + " of reminder " + charge.getLevel() + ".");
      } catch (ChargeAlreadyWaivedException | ChargeNotFoundException e) {
        flash.addFlashAttribute("error", e.getMessage());
      }
    }
    return "redirect:/reports/invoices/" + UriUtils.encodePathSegment(invoiceNumber, StandardCharsets.UTF_8);
  }

  @ExceptionHandler(InvoiceNotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(InvoiceNotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "reports/not-found";
  }

  @ExceptionHandler(ResponseStatusException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String mailNotFound(ResponseStatusException e, Model model) {
    model.addAttribute("message", e.getReason());
    return "reports/not-found";
  }

  private void fill(String invoiceNumber, Model model) {
    var timeline = history.of(invoiceNumber);
    List<Line> lines = timeline.events().stream()
        .map(event -> new Line(when(event.at()), event, event.mailId() == null ? null
            : "/reports/invoices/" + UriUtils.encodePathSegment(invoiceNumber, StandardCharsets.UTF_8)
                + "/mails/" + event.mailId()))
        .toList();
    var invoice = timeline.invoice();
    model.addAttribute("invoice", invoice);
    model.addAttribute("customer", invoice.getCustomer());
    model.addAttribute("amount", Money.text(invoice.getAmount(), invoice.getCurrency()));
    model.addAttribute("balance", Money.text(invoice.getBalance(), invoice.getCurrency()));
    model.addAttribute("stage", InvoiceHistory.words(invoice.getStage().name()));
    model.addAttribute("lines", lines);
    model.addAttribute("zone", zone.getId());
  }

  private String when(Instant at) {
    return TIME.format(at.atZone(zone));
  }
}
