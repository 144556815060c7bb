package org.opencollections.dunning.process;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code collections.schedule}: when the steps of a day are due, and the timelapse.
 *
 * @param zone the time zone of the schedule's days; the machine's zone when empty
 * @param sendTime the time of day a day's mails go out and its tasks fall due
 * @param timelapse a schedule day lasting {@code dayLength} instead of 24 hours
 */
@ConfigurationProperties("collections.schedule")
public record ScheduleProperties(ZoneId zone, LocalTime sendTime, Timelapse timelapse) {

  public ScheduleProperties {
    zone = zone == null ? ZoneId.systemDefault() : zone;
    sendTime = sendTime == null ? LocalTime.of(8, 0) : sendTime;
    timelapse = timelapse == null ? new Timelapse(false, null) : timelapse;
  }

  public record Timelapse(boolean enabled, Duration dayLength) {
  }
}
