package org.opencollections.dunning;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One reminder of the dunning policy (processes/dunning-policy.dmn): when it is due, the tone of
 * its mail, how it reaches the customer and whether it offers a payment plan.
 *
 * @param number 1 for the first reminder after the due date
 * @param daysOverdue days after the due date (moved to the next working day)
 */
public record Reminder(int number, int daysOverdue, Tone tone, Set<Channel> channels, boolean offersPlan) {

  /** The voice of the mail or letter. */
  public enum Tone {
    FRIENDLY(DunningMail.OVERDUE_NOTICE),
    FIRM(DunningMail.SECOND_OVERDUE_NOTICE),
    FINAL(DunningMail.FINAL_NOTICE);

    private final DunningMail mail;

    Tone(DunningMail mail) {
      this.mail = mail;
    }

    /** The mail (and letter) written in this tone. */
    public DunningMail mail() {
      return mail;
    }
  }

  /** How a reminder reaches the customer. */
  public enum Channel { EMAIL, LETTER, CALL }

  public Reminder {
    channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
  }

  public boolean by(Channel channel) {
    return channels.contains(channel);
  }

  /**
   * Reads the row the policy table returned for a reminder.
   *
   * @throws IllegalArgumentException saying which cell of the table is wrong, so a manager can fix it
   */
  public static Reminder fromPolicy(int number, Map<String, Object> row) {
    Object days = row.get("daysOverdue");
    if (!(days instanceof Number n) || n.intValue() < 0) {
      throw new IllegalArgumentException("Dunning policy, reminder " + number
          + ": 'Days overdue' must be a whole number of 0 or more, was " + days);
    }
    Tone tone = parse(Tone.class, row.get("tone"), "Tone", number);
    Object channelText = row.get("channels");
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    if (channelText != null) {
      for (String part : channelText.toString().split("[,;+ ]+")) {
        if (!part.isBlank()) {
          channels.add(parse(Channel.class, part, "Channels", number));
        }
      }
    }
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("Dunning policy, reminder " + number
          + ": 'Channels' must name at least one of email, letter, call");
    }
    return new Reminder(number, n.intValue(), tone, channels, Boolean.TRUE.equals(row.get("offerPlan")));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, Object value, String column, int number) {
    String text = value == null ? "" : value.toString().trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Dunning policy, reminder " + number + ": '"
            + column + "' must be one of " + Arrays.stream(type.getEnumConstants())
            .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", was '" + value + "'"));
  }
}
