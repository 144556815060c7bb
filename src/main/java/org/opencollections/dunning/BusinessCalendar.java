package org.opencollections.dunning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which days mails go out and calls fall due: Monday to Friday, except the public holidays of the
 * customer's country. A holiday is either a date every year ({@code 12-25}) or one date
 * ({@code 2026-04-03}, for holidays that move, such as Easter).
 */
public final class BusinessCalendar {

  private final Map<String, Set<MonthDay>> everyYear;
  private final Map<String, Set<LocalDate>> once;

  private BusinessCalendar(Map<String, Set<MonthDay>> everyYear, Map<String, Set<LocalDate>> once) {
    this.everyYear = everyYear;
    this.once = once;
  }

  /** Weekends only. */
  public static BusinessCalendar weekendsOnly() {
    return new BusinessCalendar(Map.of(), Map.of());
  }

  /**
   * @param holidays per ISO 3166 country code, days as {@code MM-DD} (every year) or
   *     {@code YYYY-MM-DD}
   * @throws IllegalArgumentException naming the country and the entry that is not a day
   */
  public static BusinessCalendar of(Map<String, List<String>> holidays) {
    Map<String, Set<MonthDay>> everyYear = new HashMap<>();
    Map<String, Set<LocalDate>> once = new HashMap<>();
    holidays.forEach((country, days) -> {
      String code = country.toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException("Holidays are listed per ISO 3166 country code such as DE, not '"
            + country + "'");
      }
      for (String day : days == null ? List.<String>of() : days) {
        String text = day == null ? "" : day.trim();
        try {
          if (text.matches("\\d{2}-\\d{2}")) {
            everyYear.computeIfAbsent(code, c -> new HashSet<>()).add(MonthDay.parse("--" + text));
          } else {
            once.computeIfAbsent(code, c -> new HashSet<>()).add(LocalDate.parse(text));
          }
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("Holiday '" + text + "' of " + code
              + " is neither MM-DD (every year) nor YYYY-MM-DD", e);
        }
      }
    });
    return new BusinessCalendar(Map.copyOf(everyYear), Map.copyOf(once));
  }

  /** Whether mails go out and calls are made on this day; with no country, weekends only count. */
  public boolean isWorkingDay(LocalDate day, String country) {
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    if (country == null) {
      return true;
    }
    String code = country.toUpperCase(Locale.ROOT);
    return !everyYear.getOrDefault(code, Set.of()).contains(MonthDay.from(day))
        && !once.getOrDefault(code, Set.of()).contains(day);
  }

  /** The day itself when it is a working day, else the next working day. */
  public LocalDate onOrAfter(LocalDate day, String country) {
    LocalDate next = day;
    while (!isWorkingDay(next, country)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /** The first working day after the given day. */
  public LocalDate nextWorkingDayAfter(LocalDate day, String country) {
    return onOrAfter(day.plusDays(1), country);
  }
}
