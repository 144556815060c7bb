package org.opencollections.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Days sales outstanding by the countback method: how many days of the latest credit sales the
 * receivables balance amounts to. Walking back from the newest month, each month whose sales the
 * balance still covers counts all its days; the month where the balance runs out counts the share
 * of its days that the balance left is of its sales.
 *
 * @param balance the receivables balance on the date
 * @param days the days of sales outstanding, one decimal; when {@code beyondWindow}, the days of
 *     the whole window: the true figure is higher
 * @param months the months the balance used up, newest first
 * @param beyondWindow the balance is larger than all sales of the window
 */
record DaysSalesOutstanding(BigDecimal balance, BigDecimal days, List<MonthUsed> months,
    boolean beyondWindow) {

  /** The look-back window: a balance larger than two years of sales says enough by itself. */
  public static final int WINDOW_MONTHS = 24;

  /**
   * The credit sales of one month, or of the month to date for the newest.
   *
   * @param days the days of the month counted: all of them, or up to the date for the newest
   */
  public record MonthSales(YearMonth month, int days, BigDecimal sales) {
  }

  /**
   * A month the balance used up: all its days, or for the last one the share the balance left
   * is of its sales ({@code balanceLeft / sales * days}).
   */
  public record MonthUsed(YearMonth month, BigDecimal sales, BigDecimal balanceLeft,
      BigDecimal daysCounted, boolean whole) {
  }

  /**
   * Counts back through the months, newest first.
   *
   * @param months the sales of the window, newest first; a month without sales counts all its
   *     days, since none of the balance can come from it
   */
  public static DaysSalesOutstanding countback(BigDecimal balance, List<MonthSales> months) {
    if (balance.signum() <= 0) {
      return new DaysSalesOutstanding(balance, BigDecimal.ZERO.setScale(1), List.of(), false);
    }
    List<MonthUsed> used = new ArrayList<>();
    BigDecimal left = balance;
    BigDecimal days = BigDecimal.ZERO;
    for (MonthSales month : months) {
      BigDecimal monthDays = BigDecimal.valueOf(month.days());
      if (left.compareTo(month.sales()) > 0) {
        used.add(new MonthUsed(month.month(), month.sales(), left, oneDecimal(monthDays), true));
        days = days.add(monthDays);
        left = left.subtract(month.sales());
        continue;
      }
      BigDecimal share = left.multiply(monthDays).divide(month.sales(), 10, RoundingMode.HALF_UP);
      used.add(new MonthUsed(month.month(), month.sales(), left, oneDecimal(share),
          share.compareTo(monthDays) == 0));
      return new DaysSalesOutstanding(balance, oneDecimal(days.add(share)), List.copyOf(used), false);
    }
    return new DaysSalesOutstanding(balance, oneDecimal(days), List.copyOf(used), true);
  }

  private static BigDecimal oneDecimal(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP);
  }
}
