package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.MutableClock;

class ScheduleTest {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @Test
  void stepsFallDueAtTheSendTimeInTheScheduleZone() {
    Schedule schedule = Schedule.realTime(Clock.systemUTC(), STOCKHOLM, LocalTime.of(8, 0));

    // 8:00 in Stockholm is 7:00 UTC in winter and 6:00 UTC in summer (Friday 6 March, Monday 30 March)
    assertThat(schedule.daysAfter("2026-03-02", 4).toInstant())
        .isEqualTo(Instant.parse("2026-03-06T07:00:00Z"));
    assertThat(schedule.daysBefore("2026-04-02", 3).toInstant())
        .isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
  }

  @Test
  void todayIsTheDateInTheScheduleZone() {
    Clock lateEvening = Clock.fixed(Instant.parse("2026-03-02T23:30:00Z"), ZoneOffset.UTC);
    assertThat(Schedule.realTime(lateEvening, STOCKHOLM, LocalTime.of(8, 0)).today())
        .isEqualTo(LocalDate.of(2026, 3, 3));
  }

  @Test
  void daysFromTodayCountsFromTheCurrentDay() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    Schedule schedule = Schedule.realTime(clock, ZoneOffset.UTC, LocalTime.of(8, 0));
    assertThat(schedule.daysFromToday(4).toInstant()).isEqualTo(Instant.parse("2026-03-06T08:00:00Z"));
  }

  @Test
  void inTimelapseADayLastsTheConfiguredDuration() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    Schedule schedule = Schedule.timelapse(clock, ZoneOffset.UTC, LocalTime.of(12, 0),
        Duration.ofSeconds(4));
    Instant origin = clock.instant();

    // day +4 (a Friday) starts 16 s after the origin; its steps are due half way through it (12:00)
    assertThat(schedule.daysAfter("2026-03-02", 4).toInstant())
        .isEqualTo(origin.plusSeconds(18));
    // day +5 is a Saturday: its steps move to Monday, day +7
    assertThat(schedule.daysAfter("2026-03-02", 5).toInstant())
        .isEqualTo(origin.plusSeconds(30));
    assertThat(schedule.today()).isEqualTo(LocalDate.of(2026, 3, 2));

    clock.advance(Duration.ofSeconds(9));
    assertThat(schedule.today()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(schedule.dayOf(origin.plusSeconds(3))).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  void aDayInThePastIsDueAtOnce() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    Schedule schedule = Schedule.timelapse(clock, ZoneOffset.UTC, LocalTime.of(8, 0),
        Duration.ofSeconds(4));
    assertThat(schedule.daysAfter("2026-01-01", 5).toInstant()).isBefore(clock.instant());
  }

  @Test
  void aTimerWithoutADateSaysWhichValueIsWrong() {
    Schedule schedule = Schedule.realTime(Clock.systemUTC(), ZoneOffset.UTC, LocalTime.NOON);
    assertThatThrownBy(() -> schedule.daysAfter("01.04.2026", 5))
        .hasMessageContaining("YYYY-MM-DD").hasMessageContaining("01.04.2026");
    assertThatThrownBy(() -> schedule.daysAfter(null, 5)).hasMessageContaining("empty");
  }

  @Test
  void aTimelapseDayMustLastLongerThanZero() {
    assertThatThrownBy(() -> Schedule.timelapse(Clock.systemUTC(), ZoneOffset.UTC, LocalTime.NOON,
        Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theNextWorkingDaySkipsTheWeekend() {
    assertThat(BusinessCalendar.weekendsOnly().nextWorkingDayAfter(LocalDate.of(2026, 4, 8), null)).isEqualTo(LocalDate.of(2026, 4, 9));
    assertThat(BusinessCalendar.weekendsOnly().nextWorkingDayAfter(LocalDate.of(2026, 4, 10), null)).isEqualTo(LocalDate.of(2026, 4, 13));
    assertThat(BusinessCalendar.weekendsOnly().nextWorkingDayAfter(LocalDate.of(2026, 4, 11), null)).isEqualTo(LocalDate.of(2026, 4, 13));
    Clock friday = Clock.fixed(Instant.parse("2026-04-10T10:00:00Z"), ZoneOffset.UTC);
    assertThat(Schedule.realTime(friday, ZoneOffset.UTC, LocalTime.of(8, 0)).nextWorkingDay().toInstant())
        .isEqualTo(Instant.parse("2026-04-13T08:00:00Z"));
  }

  @Test
  void anOffsetLandingOnAWeekendOrAHolidayOfTheCountryMovesToTheNextWorkingDay() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    Schedule schedule = Schedule.realTime(clock, ZoneOffset.UTC, LocalTime.of(8, 0))
        .withCalendar(BusinessCalendar.of(Map.of("DE", List.of("12-25", "12-26", "2026-04-03", "2026-04-06"))));

    // 5 days after 29 March 2026 is Good Friday; Easter Monday follows the weekend: Tuesday 7 April
    assertThat(schedule.daysAfter("2026-03-29", 5, "DE").toInstant())
        .isEqualTo(Instant.parse("2026-04-07T08:00:00Z"));
    // in Sweden (no holidays configured here) Good Friday is a working day
    assertThat(schedule.daysAfter("2026-03-29", 5, "SE").toInstant())
        .isEqualTo(Instant.parse("2026-04-03T08:00:00Z"));
    // a Saturday moves to Monday everywhere
    assertThat(schedule.daysAfter("2026-03-29", 6, "SE").toInstant())
        .isEqualTo(Instant.parse("2026-04-06T08:00:00Z"));
    // Christmas every year: Friday 25 December 2026 and Saturday 26th, so Monday 28th
    assertThat(schedule.daysAfter("2026-12-20", 5, "DE").toInstant())
        .isEqualTo(Instant.parse("2026-12-28T08:00:00Z"));
    // a working day stays where it is
    assertThat(schedule.daysAfter("2026-03-02", 1, "DE").toInstant())
        .isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
  }

  @Test
  void aHolidayThatIsNotADayStopsStartUpNamingIt() {
    assertThatThrownBy(() -> BusinessCalendar.of(Map.of("DE", List.of("24.12."))))
        .hasMessageContaining("'24.12.' of DE");
    assertThatThrownBy(() -> BusinessCalendar.of(Map.of("Germany", List.of("12-24"))))
        .hasMessageContaining("ISO 3166");
  }
}
