package org.opencollections.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The reference rate of the EU Late Payment Directive 2011/7/EU per half-year, in percent a year.
 *
 * <p>The directive takes the ECB main refinancing rate in force on the first day of the half-year
 * (1 January or 1 July) for the whole half-year, so one value per half-year is all there is.
 */
public final class ReferenceRates {

  private static final Pattern KEY = Pattern.compile("\\d{4}-H[12]");

  private final Map<String, BigDecimal> rates;

  private ReferenceRates(Map<String, BigDecimal> rates) {
    this.rates = rates;
  }

  /** Rates keyed like {@code 2026-H1} and {@code 2026-H2}, in percent a year (e.g. 2.15). */
  public static ReferenceRates of(Map<String, BigDecimal> rates) {
    Objects.requireNonNull(rates, "rates");
    Map<String, BigDecimal> checked = new TreeMap<>();
    rates.forEach((key, rate) -> {
      if (key == null || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "Reference rate key '" + key + "' must look like 2026-H1 or 2026-H2");
      }
      if (rate == null || rate.signum() < 0) {
        throw new IllegalArgumentException("Reference rate for " + key + " must be zero or more, was "
            + (rate == null ? "null" : rate.toPlainString()));
      }
      checked.put(key, rate);
    });
    return new ReferenceRates(Collections.unmodifiableMap(checked));
  }

  /** The rate of the half-year containing the day. */
  public BigDecimal rateOn(LocalDate day) {
    String halfYear = halfYearOf(day);
    BigDecimal rate = rates.get(halfYear);
    if (rate == null) {
      throw new MissingReferenceRateException(halfYear);
    }
    return rate;
  }

  /** The half-year of a day, e.g. {@code 2026-H2} for 1 July 2026. */
  public static String halfYearOf(LocalDate day) {
    return day.getYear() + (day.getMonthValue() <= 6 ? "-H1" : "-H2");
  }
}
