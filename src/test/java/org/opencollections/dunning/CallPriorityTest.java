package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallPriorityTest {

  private final CallPriority priority = new CallPriority(
      Map.of("SEK", new BigDecimal("1000"), "JPY", new BigDecimal("15000")), new BigDecimal("100"));

  @Test
  void daysOverdueAddOnePointEach() {
    assertThat(priority.of(7, Map.of("EUR", BigDecimal.ZERO))).isEqualTo(7);
    assertThat(priority.of(20, Map.of("EUR", BigDecimal.ZERO))).isEqualTo(20);
  }

  @Test
  void amountsAddTenPointsPerTenfold() {
    // 100 EUR is one unit: 10 x log10(2) = 3; 1 000 EUR: 10 x log10(11) = 10; 10 000 EUR: 20
    assertThat(priority.of(0, Map.of("EUR", new BigDecimal("100")))).isEqualTo(3);
    assertThat(priority.of(0, Map.of("EUR", new BigDecimal("1000")))).isEqualTo(10);
    assertThat(priority.of(0, Map.of("EUR", new BigDecimal("10000")))).isEqualTo(20);
  }

  @Test
  void currenciesWeighAlikeThroughTheirUnits() {
    assertThat(priority.of(7, Map.of("SEK", new BigDecimal("100000"))))
        .isEqualTo(priority.of(7, Map.of("EUR", new BigDecimal("10000"))));
    assertThat(priority.of(7, Map.of("JPY", new BigDecimal("1500000"))))
        .isEqualTo(priority.of(7, Map.of("EUR", new BigDecimal("10000"))));
  }

  @Test
  void severalCurrenciesAddUp() {
    assertThat(priority.of(0, Map.of("EUR", new BigDecimal("500"), "SEK", new BigDecimal("5000"))))
        .isEqualTo(priority.of(0, Map.of("EUR", new BigDecimal("1000"))));
  }

  @Test
  void priorityStaysBetweenZeroAndHundred() {
    assertThat(priority.of(400, Map.of("EUR", new BigDecimal("1000000000")))).isEqualTo(100);
    assertThat(priority.of(-3, Map.of())).isZero();
  }

  @Test
  void aLargerOlderDebtComesFirst() {
    assertThat(priority.of(12, Map.of("EUR", new BigDecimal("5000"))))
        .isGreaterThan(priority.of(8, Map.of("EUR", new BigDecimal("5000"))))
        .isGreaterThan(priority.of(8, Map.of("EUR", new BigDecimal("300"))));
  }
}
