package org.opencollections.dunning;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * The calendar of the dunning schedule: which day it is and when a day's steps are due.
 *
 * <p>The BPMN timers call it as {@code ${schedule.daysAfter(dueDate, 5)}}, so a manager reads and
 * changes the offset in Modeler. In real time a schedule day is a calendar day and its steps are
 * due at the send time. In timelapse a schedule day lasts a configured duration (a few seconds),
 * counted from the moment the schedule was created, so a whole lifecycle plays out in minutes.
 */
public final class Schedule {

  private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

  private final Clock clock;
  private final ZoneId zone;
  private final LocalTime sendTime;
  private final Duration dayLength;
  private final Instant origin;
  private final LocalDate originDay;

  private Schedule(Clock clock, ZoneId zone, LocalTime sendTime, Duration dayLength) {
    this.clock = Objects.requireNonNull(clock);
    this.zone = Objects.requireNonNull(zone);
    this.sendTime = Objects.requireNonNull(sendTime);
    this.dayLength = dayLength;
    this.origin = clock.instant();
    this.originDay = LocalDate.ofInstant(origin, zone);
  }

  /** Calendar days in the given zone; steps fall due at {@code sendTime}. */
  public static Schedule realTime(Clock clock, ZoneId zone, LocalTime sendTime) {
    return new Schedule(clock, zone, sendTime, null);
  }

  /** Each schedule day lasts {@code dayLength}, counted from now. */
  public static Schedule timelapse(Clock clock, ZoneId zone, LocalTime sendTime, Duration dayLength) {
    if (dayLength == null || dayLength.isNegative() || dayLength.isZero()) {
      throw new IllegalArgumentException("A timelapse day must last longer than zero, was " + dayLength);
    }
    return new Schedule(clock, zone, sendTime, dayLength);
  }

  public boolean isTimelapse() {
    return dayLength != null;
  }

  /** The current schedule day. */
  public LocalDate today() {
    return dayOf(clock.instant());
  }

  /** The schedule day a moment belongs to. */
  public LocalDate dayOf(Instant moment) {
    if (dayLength == null) {
      return LocalDate.ofInstant(moment, zone);
    }
    long elapsed = Duration.between(origin, moment).toMillis();
    return originDay.plusDays(Math.floorDiv(elapsed, dayLength.toMillis()));
  }

  /** The moment the steps of a schedule day are due. */
  public Instant dueMoment(LocalDate day) {
    if (dayLength == null) {
      return day.atTime(sendTime).atZone(zone).toInstant();
    }
    long days = ChronoUnit.DAYS.between(originDay, day);
    Duration intoDay = dayLength.multipliedBy(sendTime.toSecondOfDay()).dividedBy(SECONDS_PER_DAY);
    return origin.plus(dayLength.multipliedBy(days)).plus(intoDay);
  }

  /** For timers: the due moment {@code days} schedule days after an ISO date (YYYY-MM-DD). */
  public Date daysAfter(String isoDate, long days) {
    return Date.from(dueMoment(parse(isoDate).plusDays(days)));
  }

  /** For timers: the due moment {@code days} schedule days before an ISO date (YYYY-MM-DD). */
  public Date daysBefore(String isoDate, long days) {
    return daysAfter(isoDate, -days);
  }

  /** For timers: the due moment {@code days} schedule days from today. */
  public Date daysFromToday(long days) {
    return Date.from(dueMoment(today().plusDays(days)));
  }

  /** For timers: the due moment of the next working day (Monday to Friday) after today. */
  public Date nextWorkingDay() {
    return Date.from(dueMoment(nextWorkingDayAfter(today())));
  }

  /** The first Monday-to-Friday day after the given day. */
  public static LocalDate nextWorkingDayAfter(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plusDays(1);
    }
    return next;
  }

  private static LocalDate parse(String isoDate) {
    if (isoDate == null) {
      throw new IllegalArgumentException("A timer needs a date, but the process variable is empty");
    }
    try {
      return LocalDate.parse(isoDate);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("A timer needs a date as YYYY-MM-DD, got '" + isoDate + "'", e);
    }
  }
}
