package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aging on known ledgers: which invoices count on a day, in which bucket, with how much; and
 * on random ledgers, the same aging as the plain definition, invoice by invoice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgingReportIT extends IntegrationTest {

  private static final LocalDate FEBRUARY_15 = LocalDate.of(2026, 2, 15);
  private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
  private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);

  @Autowired
  private AgingReport report;
  @Autowired
  private JdbcTemplate jdbc;

  @BeforeAll
  void ledger() {
    new Ledger(jdbc)
        .customer("C-ALPHA", "Alpha AB")
        .customer("C-BETA", "Beta GmbH")
        .customer("C-GAMMA", "Gamma Oy")
        // Alpha, EUR
        .invoice("A-1", "C-ALPHA", "1000.00", "EUR", day("2026-04-05"), day("2026-05-05"))
        .invoice("A-2", "C-ALPHA", "200.00", "EUR", day("2026-03-20"), day("2026-04-19"))
        .invoice("A-3", "C-ALPHA", "300.00", "EUR", day("2026-02-01"), day("2026-03-31"))
        .invoice("A-4", "C-ALPHA", "400.00", "EUR", day("2026-01-15"), day("2026-03-30"))
        .invoice("A-5", "C-ALPHA", "500.00", "EUR", day("2026-01-01"), day("2026-03-01"))
        .payment("PAY-A-5", "A-5", "150.00", day("2026-03-10"))
        .invoice("A-6", "C-ALPHA", "600.00", "EUR", day("2025-12-01"), day("2026-02-28"))
        .payment("PAY-A-6", "A-6", "600.00", day("2026-04-15"))
        // Beta, EUR and SEK
        .invoice("B-1", "C-BETA", "700.00", "EUR", day("2025-12-01"), day("2026-01-30"))
        .invoice("B-2", "C-BETA", "800.00", "EUR", day("2025-11-01"), day("2026-01-29"))
        .cancel("B-2", day("2026-04-10"))
        .invoice("B-3", "C-BETA", "900.00", "EUR", day("2025-10-01"), day("2025-12-31"))
        .invoice("B-4", "C-BETA", "1100.00", "EUR", day("2025-10-01"), day("2025-12-30"))
        .invoice("B-5", "C-BETA", "1200.00", "EUR", day("2026-01-10"), day("2026-02-10"))
        .payment("PAY-B-5", "B-5", "1200.00", day("2026-03-15"))
        .invoice("B-6", "C-BETA", "1300.00", "EUR", day("2026-01-10"), day("2026-02-10"))
        .cancel("B-6", day("2026-03-20"))
        .invoice("B-S1", "C-BETA", "5000.00", "SEK", day("2026-03-01"), day("2026-03-31"))
        .payment("PAY-B-S1", "B-S1", "1000.00", day("2026-04-20"))
        // Gamma, SEK
        .invoice("G-1", "C-GAMMA", "2500.00", "SEK", day("2026-02-01"), day("2026-03-03"))
        .payment("PAY-G-1", "G-1", "500.00", day("2026-03-31"))
        .invoice("G-2", "C-GAMMA", "750.00", "SEK", day("2026-03-01"), day("2026-03-15"))
        .payment("PAY-G-2", "G-2", "750.00", day("2026-03-31"));
  }

  @Test
  void onMarch31TheOpenInvoicesCountWithWhatWasLeftOfThemByBucket() {
    Aging aging = AgingComparison.normalized(report.asOf(MARCH_31));

    assertThat(aging.asOf()).isEqualTo(MARCH_31);
    assertThat(aging.lines()).containsExactly(
        // B-1 60 days, B-2 61 (cancelled only later), B-3 90, B-4 91; B-5 settled, B-6 cancelled before
        line("C-BETA", "Beta GmbH", "EUR", 4, "0", "0", "700", "1700", "1100"),
        // A-1 not yet issued; A-2 due later, A-3 due that day; A-4 1 day, A-5 30 days (350 left);
        // A-6 31 days, paid only later
        line("C-ALPHA", "Alpha AB", "EUR", 5, "500", "750", "600", "0", "0"),
        // B-S1 due that day, paid in part only later
        line("C-BETA", "Beta GmbH", "SEK", 1, "5000", "0", "0", "0", "0"),
        // G-1 28 days, with 500 paid that day; G-2 settled that day
        line("C-GAMMA", "Gamma Oy", "SEK", 1, "0", "2000", "0", "0", "0"));
    assertThat(aging.totals()).containsOnlyKeys("EUR", "SEK");
    assertThat(aging.totals().get("EUR")).isEqualTo(buckets("500", "750", "1300", "1700", "1100"));
    assertThat(aging.totals().get("EUR").total()).isEqualByComparingTo("5350");
    assertThat(aging.totals().get("SEK")).isEqualTo(buckets("5000", "2000", "0", "0", "0"));
  }

  @Test
  void onApril30ThePaymentsAndCancellationsSinceMarchAreGone() {
    Aging aging = AgingComparison.normalized(report.asOf(APRIL_30));

    assertThat(aging.lines()).containsExactly(
        // B-1 90 days, B-3 120, B-4 121; B-2 cancelled on April 10
        line("C-BETA", "Beta GmbH", "EUR", 3, "0", "0", "0", "700", "2000"),
        // A-1 due later, A-2 11 days, A-3 30, A-4 31, A-5 60; A-6 settled on April 15
        line("C-ALPHA", "Alpha AB", "EUR", 5, "1000", "500", "750", "0", "0"),
        // B-S1 30 days, 1000 of it paid on April 20
        line("C-BETA", "Beta GmbH", "SEK", 1, "0", "4000", "0", "0", "0"),
        line("C-GAMMA", "Gamma Oy", "SEK", 1, "0", "0", "2000", "0", "0"));
    assertThat(aging.totals().get("EUR")).isEqualTo(buckets("1000", "500", "750", "700", "2000"));
    assertThat(aging.totals().get("EUR").total()).isEqualByComparingTo("4950");
    assertThat(aging.totals().get("SEK")).isEqualTo(buckets("0", "4000", "2000", "0", "0"));
  }

  @Test
  void onFebruary15WhatWasSettledOrCancelledLaterStillCountsInFull() {
    Aging aging = AgingComparison.normalized(report.asOf(FEBRUARY_15));

    assertThat(aging.lines()).containsExactly(
        // B-1 16 days, B-2 17, B-5 and B-6 5 days; B-3 46, B-4 47
        line("C-BETA", "Beta GmbH", "EUR", 6, "0", "4000", "2000", "0", "0"),
        // A-3..A-6 not yet due; A-5 paid in part only on March 10
        line("C-ALPHA", "Alpha AB", "EUR", 4, "1800", "0", "0", "0", "0"),
        line("C-GAMMA", "Gamma Oy", "SEK", 1, "2500", "0", "0", "0", "0"));
    assertThat(aging.totals().get("EUR").total()).isEqualByComparingTo("7800");
    assertThat(aging.totals().get("SEK")).isEqualTo(buckets("2500", "0", "0", "0", "0"));
  }

  @Test
  void beforeTheFirstInvoiceNothingWasOwed() {
    Aging aging = AgingComparison.normalized(report.asOf(LocalDate.of(2025, 9, 30)));

    assertThat(aging.lines()).isEmpty();
    assertThat(aging.totals()).isEmpty();
  }

  /** Rolled back: the known ledger above stays as it is. */
  @Test
  @Transactional
  void onRandomLedgersTheAgingIsThePlainDefinitionInvoiceByInvoice() {
    Random random = new Random(7);
    Ledger ledger = new Ledger(jdbc);
    String[] currencies = {"EUR", "SEK", "JPY"};
    for (int c = 0; c < 12; c++) {
      ledger.customer("R-" + c, "Random " + c);
    }
    LocalDate start = LocalDate.of(2025, 6, 1);
    for (int i = 0; i < 300; i++) {
      String number = "R-INV-" + i;
      String currency = currencies[random.nextInt(currencies.length)];
      LocalDate issued = start.plusDays(random.nextInt(300));
      int amount = 100 + random.nextInt(5000);
      ledger.invoice(number, "R-" + random.nextInt(12), amount + ".00", currency, issued,
          issued.plusDays(random.nextInt(61)));
      // Payments with value dates in any order, some paying too much; cancellations.
      for (int p = random.nextInt(4); p > 0; p--) {
        if (isOpen(number)) {
          ledger.payment(number + "-P" + p, number, (1 + random.nextInt(amount)) + ".00",
              issued.plusDays(random.nextInt(200) - 10));
        }
      }
      if (random.nextInt(10) == 0 && isOpen(number)) {
        ledger.cancel(number, issued.plusDays(random.nextInt(200)));
      }
    }
    PlainAging plain = new PlainAging(jdbc);
    for (LocalDate day = start.minusDays(10); day.isBefore(start.plusDays(520)); day = day.plusDays(13)) {
      assertThat(AgingComparison.normalized(report.asOf(day)))
          .as("as of %s", day)
          .isEqualTo(AgingComparison.normalized(plain.asOf(day)));
    }
    assertThat(report.asOf(start.plusDays(200)).lines()).hasSizeGreaterThan(12);
  }

  private boolean isOpen(String invoiceNumber) {
    return "OPEN".equals(jdbc.queryForObject("select status from invoice where invoice_number = ?",
        String.class, invoiceNumber));
  }

  private static AgingLine line(String customerId, String name, String currency, long invoices,
      String current, String days1To30, String days31To60, String days61To90, String over90) {
    return new AgingLine(customerId, name, currency, invoices,
        buckets(current, days1To30, days31To60, days61To90, over90));
  }

  /** Amounts with four decimals, as {@link AgingComparison#normalized} has them. */
  private static AgingBuckets buckets(String current, String days1To30, String days31To60,
      String days61To90, String over90) {
    return new AgingBuckets(amount(current), amount(days1To30), amount(days31To60),
        amount(days61To90), amount(over90));
  }

  private static BigDecimal amount(String amount) {
    return new BigDecimal(amount).setScale(4);
  }

  private static LocalDate day(String day) {
    return LocalDate.parse(day);
  }
}
