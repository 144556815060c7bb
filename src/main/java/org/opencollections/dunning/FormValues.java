package org.opencollections.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/** Reads the loosely typed values a task form submits. */
final class FormValues {

  static final int MAX_NOTE_LENGTH = 2000;

  private FormValues() {
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  static <E extends Enum<E>> E choice(Object value, Class<E> type, String label) {
    String text = text(value);
    if (text == null) {
      throw new InvalidReportException(label + " is required.");
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new InvalidReportException(label + " '" + text + "' is not one of the offered choices.");
    }
  }

  static LocalDate date(Object value, String label) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      // Forms submit "2026-12-01"; a date-time value keeps only its date.
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidReportException(label + " '" + text + "' is not a date (YYYY-MM-DD).");
    }
  }

  static BigDecimal amount(Object value, String label) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidReportException(label + " '" + text + "' is not an amount.");
    }
  }

  static List<String> texts(Object value) {
    if (value instanceof Collection<?> values) {
      return values.stream().map(FormValues::text).filter(java.util.Objects::nonNull).toList();
    }
    String single = text(value);
    return single == null ? List.of() : List.of(single);
  }

  /** One line of text that matches the pattern, or null when empty and not required. */
  static String line(Object value, String label, String pattern, String message, boolean required) {
    String text = text(value);
    if (text == null) {
      if (required) {
        throw new InvalidReportException(label + " is required.");
      }
      return null;
    }
    if (!text.matches(ContactRules.SINGLE_LINE)) {
      throw new InvalidReportException(label + " " + ContactRules.SINGLE_LINE_MESSAGE + ".");
    }
    if (text.length() > 254 || !text.matches(pattern)) {
      throw new InvalidReportException(label + " '" + text + "' " + message + ".");
    }
    return text;
  }

  static String note(Object value, String label, boolean required) {
    String text = text(value);
    if (text == null && required) {
      throw new InvalidReportException(label + " is required.");
    }
    if (text != null && text.length() > MAX_NOTE_LENGTH) {
      throw new InvalidReportException(label + " is longer than " + MAX_NOTE_LENGTH + " characters.");
    }
    return text;
  }
}
