package org.opencollections.charges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencollections.dunning.ChargeTerms;
import org.opencollections.dunning.CustomerSegment;
import org.opencollections.dunning.LateCharges;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.opencollections.dunning.Schedule;
import org.springframework.core.NestedExceptionUtils;

/** Wrong charges in the configuration stop start-up, saying which property and why. */
class ChargesPropertiesTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(ChargesOnly.class)
      .withBean(Schedule.class, () -> Schedule.realTime(Clock.systemUTC(), ZoneOffset.UTC, LocalTime.NOON));

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ChargesProperties.class)
  @Import(ChargesConfiguration.class)
  static class ChargesOnly {
  }

  /** Start-up failed validating the properties, naming the field, its value and the reason. */
  private static void assertRejected(AssertableApplicationContext context, String field, String value) {
    assertThat(context).hasFailed();
    assertThat(context.getStartupFailure()).rootCause()
        .isInstanceOf(BindValidationException.class)
        .hasMessageContaining("Binding validation errors on collections.charges")
        .hasMessageContaining("on field '" + field + "': rejected value [" + value + "]")
        .hasMessageContaining("default message [must be zero or more]");
    var errors = (BindValidationException) NestedExceptionUtils.getRootCause(context.getStartupFailure());
    assertThat(errors.getValidationErrors().getAllErrors()).hasSize(1);
  }

  @Test
  void negativeReminderFeeStopsStartUp() {
    runner.withPropertyValues("collections.charges.defaults.reminder-fee.EUR=-5")
        .run(context -> assertRejected(context, "defaults.reminderFee[EUR]", "-5"));
  }

  @Test
  void negativeReferenceRateStopsStartUp() {
    runner.withPropertyValues("collections.charges.reference-rates.2026-H1=-0.5")
        .run(context -> assertRejected(context, "referenceRates[2026-H1]", "-0.5"));
  }

  @Test
  void negativeInterestMarginOfASegmentStopsStartUp() {
    runner.withPropertyValues("collections.charges.segments.CONSUMER.interest-margin=-1")
        .run(context -> assertRejected(context, "segments[CONSUMER].interestMargin", "-1"));
  }

  @Test
  void referenceRateKeyThatIsNoHalfYearStopsStartUp() {
    runner.withPropertyValues("collections.charges.reference-rates.2026-Q1=2").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Reference rate key '2026-Q1' must look like 2026-H1 or 2026-H2");
    });
  }

  @Test
  void validChargesStartWithTheTermsPerSegment() {
    runner.withPropertyValues(
        "collections.charges.reference-rates.2026-H1=2.15",
        "collections.charges.reference-rates[2026-H2]=2.15",
        "collections.charges.defaults.statutory-interest=true",
        "collections.charges.defaults.interest-margin=8",
        "collections.charges.defaults.fixed-compensation.EUR=40.00",
        "collections.charges.defaults.reminder-fee.EUR=5.00",
        "collections.charges.segments.CONSUMER.statutory-interest=false").run(context -> {
          assertThat(context).hasNotFailed();
          ChargesProperties properties = context.getBean(ChargesProperties.class);
          assertThat(properties.referenceRates()).containsOnlyKeys("2026-H1", "2026-H2");

          ChargeTerms consumer = properties.termsFor(CustomerSegment.CONSUMER, null);
          assertThat(consumer.statutoryInterest()).isFalse();
          assertThat(consumer.reminderFee()).containsOnlyKeys("EUR");

          ChargeTerms business = properties.termsFor(CustomerSegment.REGULAR, "DE");
          assertThat(business.statutoryInterest()).isTrue();
          assertThat(business.interestMargin()).isEqualByComparingTo("8");
          assertThat(business.fixedCompensation()).containsOnlyKeys("EUR");
          assertThat(business.fixedCompensation().get("EUR")).isEqualByComparingTo("40.00");
          assertThat(context).hasSingleBean(LateCharges.class);
        });
  }
}
