package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgingBucketsTest {

  private static final BigDecimal AMOUNT = new BigDecimal("125.50");

  @ParameterizedTest(name = "{0} days past due: {1}")
  @CsvSource({
      "-15, current",
      "0, current",
      "1, days1To30",
      "30, days1To30",
      "31, days31To60",
      "60, days31To60",
      "61, days61To90",
      "90, days61To90",
      "91, over90",
      "400, over90"})
  void anAmountGoesToTheBucketOfItsDaysPastDue(long daysPastDue, String bucket) {
    AgingBuckets buckets = AgingBuckets.ZERO.plus(daysPastDue, AMOUNT);

    assertThat(amountIn(buckets, bucket)).isEqualByComparingTo(AMOUNT);
    assertThat(buckets.total()).isEqualByComparingTo(AMOUNT);
    assertThat(buckets.overdue()).isEqualByComparingTo(bucket.equals("current") ? BigDecimal.ZERO : AMOUNT);
  }

  @ParameterizedTest(name = "{0} days past due")
  @CsvSource({"0", "1", "30", "31", "60", "61", "90", "91"})
  void bucketsAddUpBucketByBucket(long daysPastDue) {
    AgingBuckets sum = AgingBuckets.ZERO.plus(daysPastDue, AMOUNT)
        .plus(AgingBuckets.ZERO.plus(daysPastDue, new BigDecimal("0.50")));

    assertThat(sum.total()).isEqualByComparingTo("126.00");
    assertThat(sum).isEqualTo(AgingBuckets.ZERO.plus(daysPastDue, new BigDecimal("126.00")));
  }

  private static BigDecimal amountIn(AgingBuckets buckets, String bucket) {
    return switch (bucket) {
      case "current" -> buckets.current();
      case "days1To30" -> buckets.days1To30();
      case "days31To60" -> buckets.days31To60();
      case "days61To90" -> buckets.days61To90();
      case "over90" -> buckets.over90();
      default -> throw new IllegalArgumentException(bucket);
    };
  }
}
