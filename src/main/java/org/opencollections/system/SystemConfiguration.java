package org.opencollections.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock, and scheduled housekeeping such as {@link HistoryRetention}. */
@Configuration
@EnableScheduling
class SystemConfiguration {

  /** The one clock the application reads; tests replace it to move time. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
