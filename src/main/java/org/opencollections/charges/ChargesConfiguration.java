package org.opencollections.charges;

import org.opencollections.dunning.LateCharges;
import org.opencollections.dunning.ReferenceRates;
import org.opencollections.dunning.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ChargesConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ChargesConfiguration.class);

  /** The calculator with the configured reference rates; a malformed half-year key stops start-up. */
  @Bean
  LateCharges lateCharges(ChargesProperties properties, Schedule schedule) {
    ReferenceRates rates = ReferenceRates.of(properties.referenceRates());
    String now = ReferenceRates.halfYearOf(schedule.today());
    if (!properties.referenceRates().containsKey(now)) {
      log.warn("No reference rate configured for {} (collections.charges.reference-rates.{}): reminders"
          + " that claim statutory interest for days in {} will stop with an incident until it is added",
          now, now, now);
    }
    return new LateCharges(rates);
  }
}
