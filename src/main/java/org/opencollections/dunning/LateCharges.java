package org.opencollections.dunning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Computes the late-payment charges for one invoice at one dunning level: statutory interest,
 * the fixed compensation for recovery costs and the reminder fee (EU Late Payment Directive
 * 2011/7/EU).
 *
 * <p>Pure: everything it needs comes in as arguments and it neither stores nor sends anything.
 */
public final class LateCharges {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ReferenceRates rates;

  public LateCharges(ReferenceRates rates) {
    this.rates = Objects.requireNonNull(rates, "rates");
  }

  /** What a late charge is for. */
  public enum Kind { INTEREST, COMPENSATION, REMINDER_FEE }

  /** A payment received against the invoice. */
  public record PaymentMade(LocalDate paidOn, BigDecimal amount) {

    public PaymentMade {
      if (paidOn == null) {
        throw new IllegalArgumentException("A payment needs the day it was made");
      }
      if (amount == null || amount.signum() < 0) {
        throw new IllegalArgumentException("A payment amount must be zero or more, was "
            + (amount == null ? "null" : amount.toPlainString()));
      }
    }
  }

  /** The invoice as far as charges are concerned: what was owed, by when, and what was paid. */
  public record Debt(BigDecimal amount, String currency, LocalDate dueDate, List<PaymentMade> payments) {

    public Debt {
      if (amount == null || amount.signum() < 0) {
        throw new IllegalArgumentException("The invoice amount must be zero or more, was "
            + (amount == null ? "null" : amount.toPlainString()));
      }
      minorUnits(currency);
      if (dueDate == null) {
        throw new IllegalArgumentException("The invoice needs a due date");
      }
      payments = payments == null ? List.of() : List.copyOf(payments);
    }
  }

  /**
   * One charge added to an invoice at a dunning level.
   *
   * @param through the last day an {@link Kind#INTEREST} charge covers; null for other kinds
   * @param waived waived charges stay listed but are not owed
   */
  public record Charge(Kind kind, int level, BigDecimal amount, String currency, LocalDate through,
      String explanation, boolean waived) {

    public Charge {
      if (kind == null) {
        throw new IllegalArgumentException("A charge needs a kind");
      }
      if (level < 1) {
        throw new IllegalArgumentException("A charge's dunning level must be 1 or more, was " + level);
      }
      if (amount == null || amount.signum() < 0) {
        throw new IllegalArgumentException("A charge amount must be zero or more, was "
            + (amount == null ? "null" : amount.toPlainString()));
      }
      minorUnits(currency);
      if (kind == Kind.INTEREST && through == null) {
        throw new IllegalArgumentException("An interest charge needs the last day it covers");
      }
    }

    /** The same charge, no longer owed. */
    public Charge asWaived() {
      return new Charge(kind, level, amount, currency, through, explanation, true);
    }
  }

  /**
   * The result of charging one level.
   *
   * @param newCharges what to store for this level
   * @param all the earlier charges followed by the new ones
   * @param totalOwed the sum of all charges that are not waived
   */
  public record Statement(List<Charge> newCharges, List<Charge> all, BigDecimal totalOwed,
      String currency) {

    public Statement {
      newCharges = List.copyOf(newCharges);
      all = List.copyOf(all);
    }
  }

  /**
   * Consecutive days on which the same principal bears interest at the same rate in a year of the
   * same length.
   *
   * @param rate the reference rate plus the margin, in percent a year
   * @param interest the exact interest of the period rounded half up to the currency's minor units
   */
  public record InterestPeriod(LocalDate firstDay, LocalDate lastDay, int days, int yearDays,
      BigDecimal principal, BigDecimal referenceRate, BigDecimal rate, BigDecimal interest) {}

  /**
   * The charges for an invoice at a dunning level as of a day.
   *
   * <p>Charging a level that already has charges adds nothing, so a retried job or a re-sent mail
   * never charges twice.
   *
   * @param reminderFeeAgreed whether the customer's contract allows a reminder fee
   * @param earlier the charges of earlier levels (and of this level, if it was charged before)
   */
  public Statement charge(Debt debt, int level, LocalDate asOf, ChargeTerms terms,
      boolean reminderFeeAgreed, List<Charge> earlier) {
    if (debt == null) {
      throw new IllegalArgumentException("Charges need the invoice's debt");
    }
    if (level < 1) {
      throw new IllegalArgumentException("The dunning level must be 1 or more, was " + level);
    }
    if (asOf == null) {
      throw new IllegalArgumentException("Charges need the day they are computed for");
    }
    if (terms == null) {
      throw new IllegalArgumentException("Charges need the customer's charge terms");
    }
    String currency = debt.currency();
    List<Charge> before = earlier == null ? List.of() : List.copyOf(earlier);
    for (Charge charge : before) {
      if (!charge.currency().equals(currency)) {
        throw new IllegalArgumentException("An earlier " + charge.kind() + " charge is in "
            + charge.currency() + " but the invoice is in " + currency);
      }
    }
    if (before.stream().anyMatch(charge -> charge.level() == level)) {
      return statement(List.of(), before, currency);
    }

    List<Charge> fresh = new ArrayList<>();
    if (terms.statutoryInterest()) {
      interest(debt, level, asOf, terms, before).ifPresent(fresh::add);
    }
    BigDecimal compensation = amountIn(terms.fixedCompensation(), currency);
    boolean compensated = before.stream().anyMatch(charge -> charge.kind() == Kind.COMPENSATION);
    if (asOf.isAfter(debt.dueDate()) && !compensated && compensation.signum() > 0) {
      fresh.add(new Charge(Kind.COMPENSATION, level, compensation, currency, null,
          "Fixed compensation for recovery costs (Directive 2011/7/EU, Art. 6): "
              + format(compensation, currency),
          false));
    }
    BigDecimal fee = amountIn(terms.reminderFee(), currency);
    if (reminderFeeAgreed && fee.signum() > 0) {
      fresh.add(new Charge(Kind.REMINDER_FEE, level, fee, currency, null,
          "Reminder fee for reminder " + level + ": " + format(fee, currency), false));
    }
    return statement(fresh, before, currency);
  }

  /**
   * The interest periods for the days after {@code from} up to and including {@code asOf}.
   *
   * <p>A payment reduces the principal from the day after it was made, so the day of payment still
   * bears interest. Days on which nothing is owed form no period.
   */
  public List<InterestPeriod> periods(Debt debt, LocalDate from, LocalDate asOf, ChargeTerms terms) {
    Objects.requireNonNull(debt, "debt");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(terms, "terms");
    String currency = debt.currency();
    List<InterestPeriod> periods = new ArrayList<>();
    PeriodBuilder open = null;
    for (LocalDate day = from.plusDays(1); !day.isAfter(asOf); day = day.plusDays(1)) {
      BigDecimal principal = principalOn(debt, day);
      if (principal.signum() == 0) {
        if (open != null) {
          periods.add(open.build(currency));
          open = null;
        }
        continue;
      }
      BigDecimal referenceRate = rates.rateOn(day);
      int yearDays = day.lengthOfYear();
      if (open != null && !open.continuesWith(principal, referenceRate, yearDays)) {
        periods.add(open.build(currency));
        open = null;
      }
      if (open == null) {
        open = new PeriodBuilder(day, principal, referenceRate,
            referenceRate.add(terms.interestMargin()), yearDays);
      }
      open.lastDay = day;
      open.days++;
    }
    if (open != null) {
      periods.add(open.build(currency));
    }
    return List.copyOf(periods);
  }

  /** An amount as currency code and amount in the currency's minor units, e.g. "EUR 1,500.00". */
  public static String format(BigDecimal amount, String currency) {
    int digits = minorUnits(currency);
    return String.format(Locale.ROOT, "%s %,." + digits + "f", currency,
        amount.setScale(digits, RoundingMode.HALF_UP));
  }

  /** The currency's minor units (EUR 2, JPY 0); rejects unknown codes. */
  static int minorUnits(String currency) {
    if (currency == null) {
      throw new IllegalArgumentException("A currency code is required");
    }
    int digits;
    try {
      digits = Currency.getInstance(currency).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown currency code '" + currency + "'", e);
    }
    if (digits < 0) {
      throw new IllegalArgumentException("Currency '" + currency + "' has no minor units to charge in");
    }
    return digits;
  }

  /** The amount rounded half up to the currency's minor units. */
  static BigDecimal round(BigDecimal amount, String currency) {
    return amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
  }

  private Optional<Charge> interest(Debt debt, int level, LocalDate asOf,
      ChargeTerms terms, List<Charge> before) {
    // Interest never runs twice over a day: each level starts where the last interest charge ended.
    LocalDate from = before.stream()
        .filter(charge -> charge.kind() == Kind.INTEREST)
        .map(Charge::through)
        .max(Comparator.naturalOrder())
        .filter(through -> through.isAfter(debt.dueDate()))
        .orElse(debt.dueDate());
    List<InterestPeriod> periods = periods(debt, from, asOf, terms);
    BigDecimal total = periods.stream()
        .map(InterestPeriod::interest)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() == 0) {
      return Optional.empty();
    }
    String explanation = periods.stream()
        .map(period -> explain(period, terms.interestMargin(), debt.currency()))
        .collect(Collectors.joining("; "));
    return Optional.of(new Charge(Kind.INTEREST, level, round(total, debt.currency()),
        debt.currency(), asOf, explanation, false));
  }

  private static BigDecimal principalOn(Debt debt, LocalDate day) {
    BigDecimal paid = debt.payments().stream()
        .filter(payment -> payment.paidOn().isBefore(day))
        .map(PaymentMade::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return debt.amount().subtract(paid).max(BigDecimal.ZERO);
  }

  private static String explain(InterestPeriod period, BigDecimal margin, String currency) {
    return percent(period.rate()) + "% a year (reference rate " + percent(period.referenceRate())
        + "% + " + margin.stripTrailingZeros().toPlainString()
        + (margin.compareTo(BigDecimal.ONE) == 0 ? " point" : " points") + ") on "
        + format(period.principal(), currency) + " from " + period.firstDay() + " to "
        + period.lastDay() + ", " + period.days() + (period.days() == 1 ? " day" : " days")
        + " of " + period.yearDays() + ": " + format(period.interest(), currency);
  }

  /** A rate with at least two decimals, so 10.4 reads 10.40 and 2.125 stays 2.125. */
  private static String percent(BigDecimal rate) {
    return rate.setScale(Math.max(2, rate.stripTrailingZeros().scale())).toPlainString();
  }

  private static BigDecimal amountIn(Map<String, BigDecimal> amounts, String currency) {
    return round(amounts.getOrDefault(currency, BigDecimal.ZERO), currency);
  }

  private static Statement statement(List<Charge> fresh, List<Charge> before, String currency) {
    List<Charge> all = new ArrayList<>(before);
    all.addAll(fresh);
    BigDecimal owed = all.stream()
        .filter(charge -> !charge.waived())
        .map(Charge::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Statement(fresh, all, round(owed, currency), currency);
  }

  private static final class PeriodBuilder {
    private final LocalDate firstDay;
    private final BigDecimal principal;
    private final BigDecimal referenceRate;
    private final BigDecimal rate;
    private final int yearDays;
    private LocalDate lastDay;
    private int days;

    PeriodBuilder(LocalDate firstDay, BigDecimal principal, BigDecimal referenceRate,
        BigDecimal rate, int yearDays) {
      this.firstDay = firstDay;
      this.principal = principal;
      this.referenceRate = referenceRate;
      this.rate = rate;
      this.yearDays = yearDays;
    }

    boolean continuesWith(BigDecimal otherPrincipal, BigDecimal otherReferenceRate, int otherYearDays) {
      return principal.compareTo(otherPrincipal) == 0
          && referenceRate.compareTo(otherReferenceRate) == 0
          && yearDays == otherYearDays;
    }

    /** The exact sum of the day interests, rounded once for the whole period. */
    InterestPeriod build(String currency) {
      BigDecimal exact = principal.multiply(rate).multiply(BigDecimal.valueOf(days))
          .divide(HUNDRED.multiply(BigDecimal.valueOf(yearDays)), MathContext.DECIMAL128);
      return new InterestPeriod(firstDay, lastDay, days, yearDays, principal, referenceRate, rate,
          round(exact, currency));
    }
  }
}
