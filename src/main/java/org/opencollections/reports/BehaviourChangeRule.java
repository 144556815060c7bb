package org.opencollections.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * When a customer's payments count as suddenly later: the average days late of the last 3 months
 * exceeds that of the 9 months before by more than {@code minDays} days and by more than
 * {@code minPercent} percent, with at least {@code minInvoices} settled invoices in each window.
 * Both margins must hold: a few days more of a punctual payer is no alarm, nor is a few percent
 * more of one who was always very late.
 */
record BehaviourChangeRule(int minDays, int minPercent, int minInvoices) {

  public static final int RECENT_MONTHS = 3;
  public static final int EARLIER_MONTHS = 9;

  public BehaviourChangeRule {
    if (minDays < 0 || minPercent < 0 || minInvoices < 1) {
      throw new IllegalArgumentException("The margins must be zero or more and at least one invoice"
          + " is needed: " + minDays + " days, " + minPercent + " %, " + minInvoices + " invoices");
    }
  }

  public enum Verdict { CHANGED, STEADY, TOO_FEW_INVOICES }

  /**
   * The verdict on two windows, with the sentence a collector reads.
   *
   * @param flagged the verdict is {@code CHANGED}: the customer suddenly pays later
   */
  public record BehaviourChange(Verdict verdict, boolean flagged, DaysLate recent, DaysLate earlier,
      String explanation) {

    BehaviourChange(Verdict verdict, DaysLate recent, DaysLate earlier, String explanation) {
      this(verdict, verdict == Verdict.CHANGED, recent, earlier, explanation);
    }
  }

  public BehaviourChange judge(DaysLate recent, DaysLate earlier) {
    if (recent.invoices() < minInvoices || earlier.invoices() < minInvoices) {
      return new BehaviourChange(Verdict.TOO_FEW_INVOICES, recent, earlier, String.format(
          "Too few invoices settled to judge a change: %d in the last %d months and %d in the %d"
              + " months before; %d needed in each.", recent.invoices(), RECENT_MONTHS,
          earlier.invoices(), EARLIER_MONTHS, minInvoices));
    }
    BigDecimal increase = recent.average().subtract(earlier.average());
    boolean enoughDays = increase.compareTo(BigDecimal.valueOf(minDays)) > 0;
    // From an average of 0 (always on time) any increase is an infinite percentage.
    boolean enoughPercent = earlier.average().signum() == 0 ? increase.signum() > 0
        : increase.multiply(BigDecimal.valueOf(100)).divide(earlier.average(), 4, RoundingMode.HALF_UP)
            .compareTo(BigDecimal.valueOf(minPercent)) > 0;
    Verdict verdict = enoughDays && enoughPercent ? Verdict.CHANGED : Verdict.STEADY;
    return new BehaviourChange(verdict, recent, earlier, String.format(
        "Paid %s days late on average in the last %d months (%d invoices), against %s in the %d"
            + " months before (%d invoices)%s", plain(recent.average()), RECENT_MONTHS,
        recent.invoices(), plain(earlier.average()), EARLIER_MONTHS, earlier.invoices(),
        verdict == Verdict.CHANGED ? "." : ": no sudden change."));
  }

  private static String plain(BigDecimal days) {
    return days.stripTrailingZeros().toPlainString();
  }
}
