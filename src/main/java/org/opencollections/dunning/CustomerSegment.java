package org.opencollections.dunning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of customer, as the dunning policy (processes/dunning-policy.dmn) and the late-charge
 * terms tell them apart. The policy table names them in words: "new", "key account".
 */
public enum CustomerSegment {
  NEW,
  REGULAR,
  KEY_ACCOUNT,
  PUBLIC_SECTOR,
  CONSUMER;

  /** The segment as the dunning policy table writes it: {@code key account}. */
  public String policyName() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Reads {@code KEY_ACCOUNT}, {@code key account} or {@code key-account}. */
  public static Optional<CustomerSegment> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Arrays.stream(values()).filter(segment -> segment.name().equals(name)).findFirst();
  }
}
