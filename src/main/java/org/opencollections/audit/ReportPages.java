package org.opencollections.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.opencollections.invoice.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The sign-in form, and the start page: find an invoice by its number or its customer. */
@Controller
class ReportPages {

  static final int LIMIT = 50;

  private final JdbcTemplate jdbc;

  ReportPages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One invoice in the list. */
  record Found(String invoiceNumber, String customerId, String customerName, String amount,
      String balance, LocalDate dueDate, String status, String stage) {
  }

  @GetMapping("/reports/login")
  String login() {
    return "reports/login";
  }

  /** An exact invoice number opens its history; anything else lists the invoices it matches. */
  @GetMapping("/reports")
  String start(@RequestParam(required = false) String invoice, Model model) {
    String query = invoice == null ? "" : invoice.strip();
    if (!query.isEmpty() && jdbc.queryForObject("select count(*) from invoice where invoice_number = ?",
        Long.class, query) > 0) {
      return "redirect:/reports/invoices/" + UriUtils.encodePathSegment(query, StandardCharsets.UTF_8);
    }
    String like = "%" + query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_") + "%";
    List<Found> found = jdbc.query("""
        select i.invoice_number, i.customer_id, c.name, i.amount, i.balance, i.currency,
               i.due_date, i.status, i.stage
        from invoice i join customer c on c.id = i.customer_id
        where lower(i.invoice_number) like ? escape '\\' or lower(c.name) like ? escape '\\'
        order by i.issue_date desc, i.id desc
        fetch first %d rows only
        """.formatted(LIMIT + 1), (row, n) -> new Found(row.getString("invoice_number"),
            row.getString("customer_id"), row.getString("name"),
            Money.text(row.getBigDecimal("amount"), row.getString("currency")),
            Money.text(row.getBigDecimal("balance"), row.getString("currency")),
            row.getObject("due_date", LocalDate.class), row.getString("status").toLowerCase(Locale.ROOT),
            InvoiceHistory.words(row.getString("stage"))), like, like);
    model.addAttribute("query", query);
    model.addAttribute("found", found.size() > LIMIT ? found.subList(0, LIMIT) : found);
    model.addAttribute("more", found.size() > LIMIT);
    return "reports/start";
  }
}
