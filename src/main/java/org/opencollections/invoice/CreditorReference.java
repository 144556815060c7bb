package org.opencollections.invoice;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A structured creditor reference of ISO 11649 ("RF reference"): {@code RF}, two check digits and
 * up to 21 letters and digits, printed in groups of four ({@code RF47 INV2 0261 004}). A customer's
 * bank carries it to ours unchanged in the structured remittance information of a SEPA transfer, so
 * the payment can be matched to its invoice without reading free text; the check digits catch a
 * mistyped reference.
 *
 * <p>An invoice's reference is built from its number: the letters and digits of the number, in
 * capitals ({@code INV-2026-1004} becomes {@code INV20261004}). Numbers with more than 21 letters
 * and digits have none, and their mails give the invoice number as the reference instead.
 */
public record CreditorReference(String value) {

  private static final int MAX_BODY = 21;
  private static final Pattern VALID = Pattern.compile("RF[0-9]{2}[0-9A-Z]{1,21}");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  public CreditorReference {
    if (value == null || !VALID.matcher(value).matches() || !checksumHolds(value)) {
      throw new IllegalArgumentException("Not an ISO 11649 creditor reference: " + value);
    }
  }

  /** The reference of the invoice with this number, if its number has 1 to 21 letters and digits. */
  public static Optional<CreditorReference> forInvoice(String invoiceNumber) {
    String body = key(invoiceNumber);
    if (body.isEmpty() || body.length() > MAX_BODY) {
      return Optional.empty();
    }
    int check = 98 - mod97(body + "RF00");
    return Optional.of(new CreditorReference("RF%02d%s".formatted(check, body)));
  }

  /**
   * A reference as a payer or a bank wrote it (spaces, lower case), if it is a valid one; a
   * reference whose check digits do not hold is none.
   */
  public static Optional<CreditorReference> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    if (!VALID.matcher(compact).matches() || !checksumHolds(compact)) {
      return Optional.empty();
    }
    return Optional.of(new CreditorReference(compact));
  }

  /** What the reference stands for: the letters and digits of the invoice number, in capitals. */
  public String body() {
    return value.substring(4);
  }

  /** Whether this is the reference of the invoice with this number. */
  public boolean isFor(String invoiceNumber) {
    return body().equals(key(invoiceNumber));
  }

  /** In groups of four, as it is printed for people to type: {@code RF47 INV2 0261 004}. */
  public String printed() {
    return value.replaceAll("(.{4})(?!$)", "$1 ");
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * The letters and digits of an invoice number in capitals, as its reference carries them: how a
   * payment's reference or remittance text is compared with invoice numbers ({@code inv 2026-1004}
   * and {@code INV-2026-1004} are the same).
   */
  public static String key(String invoiceNumber) {
    return invoiceNumber == null ? ""
        : invoiceNumber.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
  }

  /** ISO 7064 MOD 97-10 over the reference with its first four characters moved to the end. */
  private static boolean checksumHolds(String reference) {
    return mod97(reference.substring(4) + reference.substring(0, 4)) == 1;
  }

  /** Letters count as two digits (A = 10 ... Z = 35), as in the IBAN. */
  private static int mod97(String lettersAndDigits) {
    StringBuilder digits = new StringBuilder();
    for (char c : lettersAndDigits.toCharArray()) {
      digits.append(Character.getNumericValue(c));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }
}
