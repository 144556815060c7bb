package org.opencollections.dunning;

/** No reference rate is configured for a half-year in which interest accrues; an operator must add it. */
public final class MissingReferenceRateException extends IllegalStateException {

  private final String halfYear;

  public MissingReferenceRateException(String halfYear) {
    super("No reference rate configured for " + halfYear + " (collections.charges.reference-rates)");
    this.halfYear = halfYear;
  }

  /** The half-year without a rate, e.g. {@code 2027-H1}. */
  public String halfYear() {
    return halfYear;
  }
}
