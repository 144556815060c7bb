package org.opencollections.system.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencollections.dunning.DunningStage;
import org.opencollections.dunning.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of the demo customers' settled invoices, as if imported from the billing system's ledger
 * when collections moved to Open Collections (registered by {@code import}, no case of their own),
 * so the aging report, the dashboard and the customer pages have a past to show. Estudio Ruiz
 * pays later and later in the last three months: its page raises the sudden-change flag.
 */
@Component
@Profile("demo")
// the web application only: not a command such as import-invoices run with the demo profile
@ConditionalOnWebApplication
@Order(30)
class DemoHistory implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

  /** A customer's habits: invoice size, and how late it usually pays. */
  private record Habit(String customerId, String currency, int amountFrom, int amountTo,
      int usualDaysLate, int recentDaysLate) {
  }

  private static final List<Habit> HABITS = List.of(
      new Habit("C-1001", "EUR", 800, 2400, 0, 0),
      new Habit("C-1002", "EUR", 1500, 5000, 6, 8),
      new Habit("C-1003", "SEK", 9000, 40000, 12, 10),
      new Habit("C-1004", "DKK", 4000, 12000, 3, 4),
      new Habit("C-1005", "AMD", 300000, 1200000, 18, 20),
      new Habit("C-1006", "EUR", 2000, 7000, 4, 31),
      new Habit("C-1007", "GBP", 500, 3000, 1, 2));

  private final JdbcTemplate jdbc;
  private final Schedule schedule;

  DemoHistory(JdbcTemplate jdbc, Schedule schedule) {
    this.jdbc = jdbc;
    this.schedule = schedule;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (jdbc.queryForObject("select count(*) from invoice where registered_by = 'import'", Long.class) > 0) {
      return;
    }
    Random random = new Random(2026);
    LocalDate today = schedule.today();
    int invoices = 0;
    for (Habit habit : HABITS) {
      for (int monthsAgo = 13; monthsAgo >= 2; monthsAgo--) {
        LocalDate issued = today.minusMonths(monthsAgo).withDayOfMonth(5);
        LocalDate due = issued.plusDays(30);
        int usual = monthsAgo <= 4 ? habit.recentDaysLate() : habit.usualDaysLate();
        int daysLate = Math.max(0, usual + random.nextInt(7) - 3);
        LocalDate paid = due.plusDays(daysLate);
        if (!paid.isBefore(today)) {
          continue;
        }
        BigDecimal amount = BigDecimal.valueOf(habit.amountFrom()
                + random.nextInt(habit.amountTo() - habit.amountFrom()))
            .setScale(2, RoundingMode.UNNECESSARY);
        String number = "HIST-" + habit.customerId().substring(2) + "-" + issued.getYear()
            + String.format("%02d", issued.getMonthValue());
        record(habit, number, amount, issued, due, paid, daysLate, random);
        invoices++;
      }
    }
    log.info("Demo: {} settled invoices of the last year loaded for the reports", invoices);
  }

  private void record(Habit habit, String number, BigDecimal amount, LocalDate issued, LocalDate due,
      LocalDate paid, int daysLate, Random random) {
    jdbc.update("""
        insert into invoice (invoice_number, customer_id, amount, currency, balance, issue_date,
                             due_date, status, stage, created_at, version, closed_on, registered_by)
        values (?, ?, ?, ?, 0, ?, ?, 'PAID', 'SETTLED', ?, 0, ?, 'import')
        """, number, habit.customerId(), amount, habit.currency(), issued, due, noon(issued), paid);
    DunningStage stage = stageAfter(daysLate);
    jdbc.update("""
        insert into payment (reference, invoice_id, amount, currency, paid_on, recorded_at,
                             recorded_by, stage)
        values (?, (select id from invoice where invoice_number = ?), ?, ?, ?, ?, 'import', ?)
        """, "BANK-" + number, number, amount, habit.currency(), paid, noon(paid), stage.name());
    List<String> promises = new ArrayList<>();
    if (stage == DunningStage.PROMISED_TO_PAY) {
      promises.add("KEPT");
    } else if (daysLate > 20) {
      promises.add("BROKEN");
    }
    if (daysLate > 20 && random.nextBoolean()) {
      promises.add("KEPT");
    }
    for (String outcome : promises) {
      jdbc.update("""
          insert into contact_log (invoice_id, occurred_at, channel, kind, outcome, note, actor)
          values ((select id from invoice where invoice_number = ?), ?, 'DECISION', 'PROMISE', ?,
                  'From the ledger imported for the demo', 'import')
          """, number, noon(paid.minusDays(outcome.equals("BROKEN") ? 10 : 0)), outcome);
    }
  }

  /** The stage a payment this late usually follows. */
  private static DunningStage stageAfter(int daysLate) {
    if (daysLate == 0) {
      return DunningStage.PRE_DUE_REMINDER_SENT;
    } else if (daysLate <= 7) {
      return DunningStage.OVERDUE_NOTICE_SENT;
    } else if (daysLate <= 14) {
      return DunningStage.PROMISED_TO_PAY;
    } else if (daysLate <= 21) {
      return DunningStage.SECOND_OVERDUE_NOTICE_SENT;
    } else if (daysLate <= 30) {
      return DunningStage.ESCALATED_TO_SALES_REP;
    }
    return DunningStage.CREDIT_HOLD;
  }

  private static Timestamp noon(LocalDate day) {
    return Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
  }
}
