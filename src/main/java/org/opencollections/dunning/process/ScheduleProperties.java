package org.opencollections.dunning.process;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code collections.schedule}: when the steps of a day are due, and the timelapse.
 *
 * @param zone the time zone of the schedule's days; the machine's zone when empty
 * @param sendTime the time of day a day's mails go out and its tasks fall due
 * @param timelapse a schedule day lasting {@code dayLength} instead of 24 hours
 * @param holidays public holidays per ISO 3166 country code: {@code MM-DD} every year, or
 *     {@code YYYY-MM-DD} once; mails and calls falling on one move to the next working day
 */
@ConfigurationProperties("collections.schedule")
public record ScheduleProperties(ZoneId zone, LocalTime sendTime, Timelapse timelapse,
    Map<String, List<String>> holidays) {

  public ScheduleProperties {
    zone = zone == null ? ZoneId.systemDefault() : zone;
    sendTime = sendTime == null ? LocalTime.of(8, 0) : sendTime;
    timelapse = timelapse == null ? new Timelapse(false, null) : timelapse;
    holidays = holidays == null ? Map.of() : Map.copyOf(holidays);
  }

  public record Timelapse(boolean enabled, Duration dayLength) {
  }
}
