package org.opencollections.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/reports/dashboard}: the figures of the dashboard on a date, amounts per currency
 * (never added across currencies). Payments and promises count over the period {@code from} to
 * {@code date}.
 *
 * @param dso days sales outstanding per currency
 * @param overdueTrend the overdue amount at the end of each of the 12 months before the date's
 *     month, then on the date
 * @param casesPerStage the open invoices today by the stage of their collection
 * @param paymentsPerStage the payments of the period by the stage the invoice had reached when
 *     the money arrived: which reminders work
 */
record DashboardFigures(LocalDate date, LocalDate from,
    Map<String, DaysSalesOutstanding> dso, List<OverduePoint> overdueTrend,
    List<StageCases> casesPerStage, List<StagePayments> paymentsPerStage, Promises promises) {

  /** What was overdue on a day, per currency. */
  public record OverduePoint(LocalDate date, Map<String, BigDecimal> overdue) {
  }

  /** The open invoices at one stage and what they still owe per currency. */
  public record StageCases(String stage, String label, long invoices, Map<String, BigDecimal> openAmount) {
  }

  /**
   * The payments that arrived at one stage; {@code invoicesSettled} counts the invoices whose
   * settling payment it was. Payments recorded before the stage was kept have stage
   * {@code NOT_RECORDED}.
   */
  public record StagePayments(String stage, String label, long payments, long invoicesSettled,
      Map<String, BigDecimal> amount) {
  }

  /**
   * Promises to pay checked in the period, and those still to be checked.
   *
   * @param keptPercent kept of kept and broken, in percent with one decimal; null when none was
   *     checked
   * @param pending promised invoices, promised in the period and still open on the date, that
   *     have not been checked yet
   */
  public record Promises(long kept, long broken, BigDecimal keptPercent, long pending) {
  }
}
