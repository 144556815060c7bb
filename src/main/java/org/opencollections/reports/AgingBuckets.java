package org.opencollections.reports;

import java.math.BigDecimal;

/**
 * Amounts outstanding by how many days they are past due on the report date: not yet due, 1 to
 * 30, 31 to 60, 61 to 90 and over 90 days.
 */
public record AgingBuckets(BigDecimal current, BigDecimal days1To30, BigDecimal days31To60,
    BigDecimal days61To90, BigDecimal over90) {

  public static final AgingBuckets ZERO = new AgingBuckets(BigDecimal.ZERO, BigDecimal.ZERO,
      BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  /** These buckets with an amount added to the bucket of its days past due. */
  public AgingBuckets plus(long daysPastDue, BigDecimal amount) {
    if (daysPastDue <= 0) {
      return new AgingBuckets(current.add(amount), days1To30, days31To60, days61To90, over90);
    } else if (daysPastDue <= 30) {
      return new AgingBuckets(current, days1To30.add(amount), days31To60, days61To90, over90);
    } else if (daysPastDue <= 60) {
      return new AgingBuckets(current, days1To30, days31To60.add(amount), days61To90, over90);
    } else if (daysPastDue <= 90) {
      return new AgingBuckets(current, days1To30, days31To60, days61To90.add(amount), over90);
    }
    return new AgingBuckets(current, days1To30, days31To60, days61To90, over90.add(amount));
  }

  public AgingBuckets plus(AgingBuckets other) {
    return new AgingBuckets(current.add(other.current), days1To30.add(other.days1To30),
        days31To60.add(other.days31To60), days61To90.add(other.days61To90), over90.add(other.over90));
  }

  /** Everything past due. */
  public BigDecimal overdue() {
    return days1To30.add(days31To60).add(days61To90).add(over90);
  }

  public BigDecimal total() {
    return current.add(overdue());
  }
}
