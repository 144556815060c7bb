package org.opencollections.reports;

import java.util.Comparator;
import java.util.Locale;
import org.opencollections.dunning.DunningStage;

/** Stage names as the reports show and order them. */
final class Stages {

  /** Payments recorded before the stage of a payment was kept. */
  static final String NOT_RECORDED = "NOT_RECORDED";

  /** In the order of the collection, as DunningStage lists them; anything else after. */
  static final Comparator<String> IN_DUNNING_ORDER = Comparator.comparingInt(Stages::position)
      .thenComparing(Comparator.naturalOrder());

  private Stages() {
  }

  /** {@code OVERDUE_NOTICE_SENT} reads "Overdue notice sent". */
  static String label(String stage) {
    String words = stage.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static int position(String stage) {
    for (DunningStage known : DunningStage.values()) {
      if (known.name().equals(stage)) {
        return known.ordinal();
      }
    }
    return NOT_RECORDED.equals(stage) ? Integer.MAX_VALUE : DunningStage.values().length;
  }
}
