package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceRatesTest {

  private final ReferenceRates rates = ReferenceRates.of(Map.of(
      "2026-H1", new BigDecimal("2.40"),
      "2026-H2", new BigDecimal("2.15")));

  @Test
  void aDayTakesTheRateOfItsHalfYear() {
    // 15 March is in January–June (H1); the H1 value, in force on 1 January, applies all half-year
    assertThat(rates.rateOn(LocalDate.of(2026, 3, 15))).isEqualByComparingTo("2.40");
    assertThat(rates.rateOn(LocalDate.of(2026, 6, 30))).isEqualByComparingTo("2.40");
    // 1 July is the first day of H2
    assertThat(rates.rateOn(LocalDate.of(2026, 7, 1))).isEqualByComparingTo("2.15");
    assertThat(rates.rateOn(LocalDate.of(2026, 12, 31))).isEqualByComparingTo("2.15");
  }

  @Test
  void namesTheHalfYearOfADay() {
    assertThat(ReferenceRates.halfYearOf(LocalDate.of(2026, 1, 1))).isEqualTo("2026-H1");
    assertThat(ReferenceRates.halfYearOf(LocalDate.of(2026, 6, 30))).isEqualTo("2026-H1");
    assertThat(ReferenceRates.halfYearOf(LocalDate.of(2026, 7, 1))).isEqualTo("2026-H2");
  }

  @Test
  void aMissingHalfYearSaysWhichRateToConfigure() {
    assertThatThrownBy(() -> rates.rateOn(LocalDate.of(2027, 2, 1)))
        .isInstanceOf(MissingReferenceRateException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No reference rate configured for 2027-H1 (collections.charges.reference-rates)");
  }

  @Test
  void aZeroRateIsAllowed() {
    ReferenceRates zero = ReferenceRates.of(Map.of("2015-H2", BigDecimal.ZERO));
    assertThat(zero.rateOn(LocalDate.of(2015, 9, 1))).isEqualByComparingTo("0");
  }

  @Test
  void rejectsANegativeRate() {
    assertThatThrownBy(() -> ReferenceRates.of(Map.of("2026-H1", new BigDecimal("-1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Reference rate for 2026-H1 must be zero or more, was -1");
  }

  @Test
  void rejectsAKeyThatIsNotAHalfYear() {
    assertThatThrownBy(() -> ReferenceRates.of(Map.of("2026-Q1", new BigDecimal("2.40"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Reference rate key '2026-Q1' must look like 2026-H1 or 2026-H2");
    assertThatThrownBy(() -> ReferenceRates.of(Map.of("2026-H3", new BigDecimal("2.40"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Reference rate key '2026-H3' must look like 2026-H1 or 2026-H2");
  }
}
