package org.opencollections.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencollections.credit.CreditControl;
import org.opencollections.credit.CreditStatus;
import org.opencollections.credit.CustomerNotFoundException;
import org.opencollections.invoice.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customers, what each owes and how each pays. */
@Service
class CustomerReport {

  private final JdbcTemplate jdbc;
  private final CreditControl creditControl;
  private final BehaviourChangeRule rule;

  CustomerReport(JdbcTemplate jdbc, CreditControl creditControl, BehaviourChangeRule rule) {
    this.jdbc = jdbc;
    this.creditControl = creditControl;
    this.rule = rule;
  }

  /** One line of the customer list; the days late are those of the last 12 months. */
  public record CustomerRow(String id, String name, String country, long openInvoices,
      Map<String, BigDecimal> openAmount, boolean onHold, DaysLate daysLate, boolean flagged,
      String behaviour) {
  }

  public record Details(String id, String name, String contactName, String email, String phone,
      String country, String segment, String locale, String salesRepEmail) {
  }

  /** An open invoice as the customer view lists it; days overdue are 0 until it is due. */
  public record OpenInvoice(String invoiceNumber, String currency, BigDecimal amount,
      BigDecimal balance, LocalDate issueDate, LocalDate dueDate, long daysOverdue, String stage,
      String stageLabel) {
  }

  public record CustomerView(Details details, CreditStatus credit, List<OpenInvoice> openInvoices,
      PaymentBehaviour behaviour) {
  }

  /**
   * Every customer whose name contains the filter (any case), by name.
   *
   * @param nameFilter part of the name, or null or blank for all
   */
  @Transactional(readOnly = true)
  public List<CustomerRow> customers(String nameFilter, boolean descending, LocalDate date) {
    Tally open = new Tally(Comparator.naturalOrder());
    jdbc.query("""
        select customer_id, currency, count(*) as invoices, sum(balance) as open_amount from invoice
        where status = 'OPEN' group by customer_id, currency
        """, row -> {
          open.add(row.getString("customer_id"), row.getString("currency"), row.getLong("invoices"),
              row.getBigDecimal("open_amount"));
        });
    // One query for the whole list, by the rule of CreditStatus: on hold while a hold is not lifted.
    Set<String> onHold = new HashSet<>(jdbc.queryForList(
        "select distinct customer_id from credit_hold where lifted_at is null", String.class));
    Map<String, List<Settlement>> settlements = settlements(null, date);
    String filter = nameFilter == null ? "" : nameFilter.strip().toLowerCase(Locale.ROOT);
    List<CustomerRow> rows = new ArrayList<>();
    jdbc.query("select id, name, country from customer", row -> {
      String id = row.getString("id");
      String name = row.getString("name");
      if (!name.toLowerCase(Locale.ROOT).contains(filter)) {
        return;
      }
      PaymentBehaviour behaviour = PaymentBehaviour.of(date, settlements.getOrDefault(id, List.of()), rule);
      rows.add(new CustomerRow(id, name, row.getString("country"), open.count(id), open.amounts(id),
          onHold.contains(id), behaviour.last12Months(),
          behaviour.change().flagged(), behaviour.change().explanation()));
    });
    Comparator<CustomerRow> byName = Comparator.comparing((CustomerRow row) -> row.name(),
        String.CASE_INSENSITIVE_ORDER).thenComparing(CustomerRow::id);
    rows.sort(descending ? byName.reversed() : byName);
    return rows;
  }

  /** @throws CustomerNotFoundException for an unknown id */
  @Transactional(readOnly = true)
  public CustomerView customer(String id, LocalDate date) {
    Details details = jdbc.query("""
        select id, name, contact_name, email, phone, country, segment, locale, sales_rep_email
        from customer where id = ?
        """, (row, n) -> new Details(row.getString("id"), row.getString("name"),
            row.getString("contact_name"), row.getString("email"), row.getString("phone"),
            row.getString("country"), row.getString("segment"), row.getString("locale"),
            row.getString("sales_rep_email")), id)
        .stream().findFirst().orElseThrow(() -> new CustomerNotFoundException(id));
    List<OpenInvoice> open = jdbc.query("""
        select invoice_number, currency, amount, balance, issue_date, due_date, stage from invoice
        where customer_id = ? and status = 'OPEN' order by due_date, invoice_number
        """, (row, n) -> {
          String currency = row.getString("currency");
          LocalDate due = row.getObject("due_date", LocalDate.class);
          return new OpenInvoice(row.getString("invoice_number"), currency,
              Money.scaled(row.getBigDecimal("amount"), currency),
              Money.scaled(row.getBigDecimal("balance"), currency),
              row.getObject("issue_date", LocalDate.class), due,
              Math.max(0, ChronoUnit.DAYS.between(due, date)), row.getString("stage"),
              Stages.label(row.getString("stage")));
        }, id);
    return new CustomerView(details, creditControl.status(id), open, paymentBehaviour(id, date));
  }

  /** @throws CustomerNotFoundException for an unknown id */
  @Transactional(readOnly = true)
  public PaymentBehaviour paymentBehaviour(String id, LocalDate date) {
    Integer known = jdbc.queryForObject("select count(*) from customer where id = ?", Integer.class, id);
    if (known == null || known == 0) {
      throw new CustomerNotFoundException(id);
    }
    return PaymentBehaviour.of(date, settlements(id, date).getOrDefault(id, List.of()), rule);
  }

  /** The invoices settled by payment in the 12 months to the date, per customer (or of one). */
  private Map<String, List<Settlement>> settlements(String customerId, LocalDate date) {
    List<Object> arguments = new ArrayList<>(List.of(date.minusMonths(12), date));
    String sql = "select customer_id, due_date, closed_on from invoice"
        + " where status = 'PAID' and closed_on > ? and closed_on <= ?";
    if (customerId != null) {
      sql += " and customer_id = ?";
      arguments.add(customerId);
    }
    Map<String, List<Settlement>> settlements = new HashMap<>();
    jdbc.query(sql, row -> {
      settlements.computeIfAbsent(row.getString("customer_id"), c -> new ArrayList<>())
          .add(new Settlement(row.getObject("due_date", LocalDate.class),
              row.getObject("closed_on", LocalDate.class)));
    }, arguments.toArray());
    return settlements;
  }
}
