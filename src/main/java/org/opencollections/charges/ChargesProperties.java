package org.opencollections.charges;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.opencollections.dunning.ChargeTerms;
import org.opencollections.dunning.CustomerSegment;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collections.charges}: late-payment charges. A negative rate or amount stops start-up,
 * naming the property.
 *
 * @param referenceRates the reference rate of the EU Late Payment Directive (ECB main refinancing
 *     rate, percent a year) per half-year, keyed {@code 2026-H1}, {@code 2026-H2}: the value in
 *     force on 1 January or 1 July
 * @param fromReminder the first reminder that claims charges (2: the friendly first reminder claims
 *     none)
 * @param defaults the terms for every customer
 * @param segments overrides per customer segment (NEW, REGULAR, KEY_ACCOUNT, PUBLIC_SECTOR, CONSUMER)
 * @param countries overrides per ISO 3166 country code; they win over the segment's
 */
@Validated
@ConfigurationProperties("collections.charges")
public record ChargesProperties(
    Map<String, @NotNull @DecimalMin(value = "0", message = "must be zero or more") BigDecimal> referenceRates,
    @Min(1) Integer fromReminder,
    @Valid Terms defaults,
    Map<CustomerSegment, @Valid Terms> segments,
    Map<String, @Valid Terms> countries) {

  public ChargesProperties {
    referenceRates = referenceRates == null ? Map.of() : Map.copyOf(referenceRates);
    fromReminder = fromReminder == null ? 2 : fromReminder;
    defaults = defaults == null ? new Terms(false, null, null, null) : defaults;
    segments = segments == null ? Map.of() : Map.copyOf(segments);
    countries = countries == null ? Map.of() : Map.copyOf(countries);
  }

  /**
   * Terms, or the part of them a segment or country changes (what is left out is inherited).
   *
   * @param statutoryInterest whether interest at the reference rate plus the margin is claimed
   *     (business customers)
   * @param interestMargin percentage points over the reference rate (8 by the directive)
   * @param fixedCompensation per currency, claimed once per overdue invoice (EUR 40 by the directive)
   * @param reminderFee per currency, per written reminder, where the customer's contract allows it
   */
  public record Terms(
      Boolean statutoryInterest,
      @DecimalMin(value = "0", message = "must be zero or more") BigDecimal interestMargin,
      Map<String, @NotNull @DecimalMin(value = "0", message = "must be zero or more") BigDecimal> fixedCompensation,
      Map<String, @NotNull @DecimalMin(value = "0", message = "must be zero or more") BigDecimal> reminderFee) {

    /** These terms with what {@code override} sets. */
    Terms with(Terms override) {
      if (override == null) {
        return this;
      }
      return new Terms(
          override.statutoryInterest != null ? override.statutoryInterest : statutoryInterest,
          override.interestMargin != null ? override.interestMargin : interestMargin,
          merged(fixedCompensation, override.fixedCompensation),
          merged(reminderFee, override.reminderFee));
    }

    ChargeTerms toChargeTerms() {
      return new ChargeTerms(Boolean.TRUE.equals(statutoryInterest), interestMargin,
          fixedCompensation, reminderFee);
    }

    private static Map<String, BigDecimal> merged(Map<String, BigDecimal> base,
        Map<String, BigDecimal> override) {
      if (override == null) {
        return base;
      }
      Map<String, BigDecimal> merged = new HashMap<>(base == null ? Map.of() : base);
      merged.putAll(override);
      return merged;
    }
  }

  /** The terms for a customer: the defaults, changed by the segment's, changed by the country's. */
  public ChargeTerms termsFor(CustomerSegment segment, String country) {
    Terms terms = defaults.with(segments.get(segment));
    if (country != null) {
      terms = terms.with(countries.get(country));
    }
    return terms.toChargeTerms();
  }
}
