package org.opencollections.dunning;

import java.time.Clock;
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
 *
 * <p>Steps fall on working days of the {@link BusinessCalendar}: a day that lands on a weekend or
 * a public holiday of the customer's country moves to the next working day.
 */
public final class Schedule {

  private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

  private final Clock clock;
  private final ZoneId zone;
  private final LocalTime sendTime;
  private final Duration dayLength;
  private final Instant origin;
  private final LocalDate originDay;
  private final BusinessCalendar calendar;

  private Schedule(Clock clock, ZoneId zone, LocalTime sendTime, Duration dayLength,
      BusinessCalendar calendar) {
    this.clock = Objects.requireNonNull(clock);
    this.zone = Objects.requireNonNull(zone);
    this.sendTime = Objects.requireNonNull(sendTime);
    this.dayLength = dayLength;
    this.origin = clock.instant();
    this.originDay = LocalDate.ofInstant(origin, zone);
    this.calendar = Objects.requireNonNull(calendar);
  }

  /** Calendar days in the given zone; steps fall due at {@code sendTime}. */
  public static Schedule realTime(Clock clock, ZoneId zone, LocalTime sendTime) {
    return new Schedule(clock, zone, sendTime, null, BusinessCalendar.weekendsOnly());
  }

  /** Each schedule day lasts {@code dayLength}, counted from now. */
  public static Schedule timelapse(Clock clock, ZoneId zone, LocalTime sendTime, Duration dayLength) {
    if (dayLength == null || dayLength.isNegative() || dayLength.isZero()) {
      throw new IllegalArgumentException("A timelapse day must last longer than zero, was " + dayLength);
    }
    return new Schedule(clock, zone, sendTime, dayLength, BusinessCalendar.weekendsOnly());
  }

  /** The same schedule on a calendar with public holidays. */
  public Schedule withCalendar(BusinessCalendar holidays) {
    return new Schedule(clock, zone, sendTime, dayLength, holidays, origin);
  }

  private Schedule(Clock clock, ZoneId zone, LocalTime sendTime, Duration dayLength,
      BusinessCalendar calendar, Instant origin) {
    this.clock = clock;
    this.zone = zone;
    this.sendTime = sendTime;
    this.dayLength = dayLength;
    this.origin = origin;
    this.originDay = LocalDate.ofInstant(origin, zone);
    this.calendar = calendar;
  }

  public BusinessCalendar calendar() {
    return calendar;
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

  /**
   * For timers: the due moment {@code days} schedule days after an ISO date (YYYY-MM-DD), moved to
   * the next working day in the country (ISO 3166 code; null for weekends only).
   */
  public Date daysAfter(String isoDate, long days, String country) {
    return Date.from(dueMoment(calendar.onOrAfter(parse(isoDate).plusDays(days), country)));
  }

  /** {@link #daysAfter(String, long, String)} with weekends as the only days off. */
  public Date daysAfter(String isoDate, long days) {
    return daysAfter(isoDate, days, null);
  }

  /** For timers: {@code days} before an ISO date, moved to the next working day in the country. */
  public Date daysBefore(String isoDate, long days, String country) {
    return daysAfter(isoDate, -days, country);
  }

  public Date daysBefore(String isoDate, long days) {
    return daysBefore(isoDate, days, null);
  }

  /** For timers and task due dates: {@code days} from today, moved to the next working day. */
  public Date daysFromToday(long days, String country) {
    return Date.from(dueMoment(calendar.onOrAfter(today().plusDays(days), country)));
  }

  public Date daysFromToday(long days) {
    return daysFromToday(days, null);
  }

  /** For timers: the due moment of the next working day after today in the country. */
  public Date nextWorkingDay(String country) {
    return Date.from(dueMoment(calendar.nextWorkingDayAfter(today(), country)));
  }

  public Date nextWorkingDay() {
    return nextWorkingDay(null);
  }

  /** The working day on or after a day, in the country. */
  public LocalDate workingDayOnOrAfter(LocalDate day, String country) {
    return calendar.onOrAfter(day, country);
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
