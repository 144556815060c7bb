package org.opencollections.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opencollections.invoice.CreditorReference;

/** How references and invoice numbers are found in what a payer wrote. */
class PaymentMatcherTest {

  @Test
  void aStructuredRfReferenceIsTaken() {
    assertThat(PaymentMatcher.creditorReference(entry("RF18BK8001", null)))
        .map(CreditorReference::body).contains("BK8001");
  }

  @Test
  void anRfReferenceWrittenInGroupsInTheTextIsFound() {
    assertThat(PaymentMatcher.creditorReference(entry(null, "Zahlung RF18 BK80 01 danke")))
        .map(CreditorReference::body).contains("BK8001");
    assertThat(PaymentMatcher.creditorReference(entry(null, "Payment rf18bk8001")))
        .map(CreditorReference::body).contains("BK8001");
  }

  @Test
  void aMistypedRfReferenceIsNone() {
    assertThat(PaymentMatcher.creditorReference(entry("RF19BK8001", "RF19 BK80 01"))).isEmpty();
  }

  @Test
  void invoiceNumbersAreComparedByTheirLettersAndDigits() {
    assertThat(PaymentMatcher.invoiceNumberKeys(entry(null, "Invoices INV-2026-1004, inv 2026/7; thanks")))
        .contains("INV20261004", "2026").doesNotContain("INVOICES", "THANKS", "INV");
    assertThat(PaymentMatcher.invoiceNumberKeys(entry("LC-1001", null))).containsExactly("LC1001");
  }

  private static BankEntry entry(String creditorReference, String text) {
    return new BankEntry(new StatementLine("REF", new BigDecimal("10.00"), "EUR", false, LocalDate.of(2026, 11, 20),
        LocalDate.of(2026, 11, 20), null, null, null, creditorReference, text), null);
  }
}
