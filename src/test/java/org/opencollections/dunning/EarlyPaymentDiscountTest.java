package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencollections.dunning.LateCharges.PaymentMade;

class EarlyPaymentDiscountTest {

  private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
  private static final BigDecimal EUR_1000 = new BigDecimal("1000.00");

  /** 2% if paid within 10 days. */
  private final EarlyPaymentDiscount twoPercentTenDays =
      new EarlyPaymentDiscount(new BigDecimal("2"), 10);

  @Test
  void twoPercentWithinTenDaysOfAThousandEuros() {
    // deadline: 2026-03-02 + 10 days = 2026-03-12
    assertThat(twoPercentTenDays.deadline(ISSUED)).isEqualTo(LocalDate.of(2026, 3, 12));
    // discount: 1,000.00 × 2 / 100 = 20.00; discounted: 1,000.00 − 20.00 = 980.00
    assertThat(twoPercentTenDays.discount(EUR_1000, "EUR")).isEqualByComparingTo("20.00");
    assertThat(twoPercentTenDays.discountedAmount(EUR_1000, "EUR")).isEqualTo(new BigDecimal("980.00"));
  }

  @Test
  void paidInFullOnTheDeadlineSettles() {
    List<PaymentMade> payments =
        List.of(new PaymentMade(LocalDate.of(2026, 3, 12), new BigDecimal("980.00")));
    assertThat(twoPercentTenDays.settles(EUR_1000, "EUR", ISSUED, payments)).isTrue();
  }

  @Test
  void paidOneDayLateDoesNotSettle() {
    // 980.00 on 2026-03-13, one day after the deadline: the discount is lost, 20.00 stays open
    List<PaymentMade> payments =
        List.of(new PaymentMade(LocalDate.of(2026, 3, 13), new BigDecimal("980.00")));
    assertThat(twoPercentTenDays.settles(EUR_1000, "EUR", ISSUED, payments)).isFalse();
  }

  @Test
  void paymentsByTheDeadlineAddUp() {
    // 500.00 + 480.00 = 980.00 by 2026-03-12 settles; the later 20.00 payment is not needed
    List<PaymentMade> payments = List.of(
        new PaymentMade(LocalDate.of(2026, 3, 5), new BigDecimal("500.00")),
        new PaymentMade(LocalDate.of(2026, 3, 12), new BigDecimal("480.00")));
    assertThat(twoPercentTenDays.settles(EUR_1000, "EUR", ISSUED, payments)).isTrue();
  }

  @Test
  void aPaymentAfterTheDeadlineDoesNotCountTowardsTheDiscountedAmount() {
    // 500.00 in time + 480.00 on 2026-03-13 (late): only 500.00 counts, less than 980.00
    List<PaymentMade> payments = List.of(
        new PaymentMade(LocalDate.of(2026, 3, 5), new BigDecimal("500.00")),
        new PaymentMade(LocalDate.of(2026, 3, 13), new BigDecimal("480.00")));
    assertThat(twoPercentTenDays.settles(EUR_1000, "EUR", ISSUED, payments)).isFalse();
  }

  @Test
  void aShortPaymentByTheDeadlineDoesNotSettle() {
    // 979.99 < 980.00
    List<PaymentMade> payments =
        List.of(new PaymentMade(LocalDate.of(2026, 3, 10), new BigDecimal("979.99")));
    assertThat(twoPercentTenDays.settles(EUR_1000, "EUR", ISSUED, payments)).isFalse();
  }

  @Test
  void yenDiscountsRoundToWholeYen() {
    // 12,345 × 2 / 100 = 246.9 → 247 (JPY has no minor units); 12,345 − 247 = 12,098
    BigDecimal amount = new BigDecimal("12345");
    assertThat(twoPercentTenDays.discount(amount, "JPY")).isEqualTo(new BigDecimal("247"));
    assertThat(twoPercentTenDays.discountedAmount(amount, "JPY")).isEqualTo(new BigDecimal("12098"));
  }

  @Test
  void euroDiscountsRoundHalfUpToTheCent() {
    // 123.45 × 1.5 / 100 = 1.85175 → 1.85; 123.45 − 1.85 = 121.60
    EarlyPaymentDiscount discount = new EarlyPaymentDiscount(new BigDecimal("1.5"), 14);
    assertThat(discount.discount(new BigDecimal("123.45"), "EUR")).isEqualTo(new BigDecimal("1.85"));
    assertThat(discount.discountedAmount(new BigDecimal("123.45"), "EUR"))
        .isEqualTo(new BigDecimal("121.60"));
  }

  @Test
  void rejectsZeroOrAHundredPercent() {
    assertThatThrownBy(() -> new EarlyPaymentDiscount(BigDecimal.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The early payment discount must be more than 0% and less than 100%, was 0%");
    assertThatThrownBy(() -> new EarlyPaymentDiscount(new BigDecimal("100"), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The early payment discount must be more than 0% and less than 100%, was 100%");
  }

  @Test
  void rejectsNegativeDays() {
    assertThatThrownBy(() -> new EarlyPaymentDiscount(new BigDecimal("2"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The early payment period must be zero days or more, was -1");
  }
}
