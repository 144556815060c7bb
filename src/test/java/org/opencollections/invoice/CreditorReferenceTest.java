package org.opencollections.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

  @Test
  void theStandardsExampleHasCheckDigits18() {
    // ISO 11649's own example: RF18 5390 0754 7034
    CreditorReference reference = CreditorReference.forInvoice("539007547034").orElseThrow();
    assertThat(reference.value()).isEqualTo("RF18539007547034");
    assertThat(reference.printed()).isEqualTo("RF18 5390 0754 7034");
  }

  @Test
  void anInvoiceNumberKeepsItsLettersAndDigitsInCapitals() {
    CreditorReference reference = CreditorReference.forInvoice("inv-2026/1004").orElseThrow();
    assertThat(reference.body()).isEqualTo("INV20261004");
    assertThat(reference.value()).matches("RF[0-9]{2}INV20261004");
    assertThat(reference.isFor("INV-2026-1004")).isTrue();
    assertThat(reference.isFor("INV-2026-1005")).isFalse();
    assertThat(CreditorReference.parse(reference.printed())).contains(reference);
  }

  @Test
  void aPrintedReferenceIsReadBackWithSpacesAndInLowerCase() {
    assertThat(CreditorReference.parse(" rf18 5390 0754 7034 ")).map(CreditorReference::value)
        .contains("RF18539007547034");
    assertThat(CreditorReference.parse("RF18 5390 0754 7034").orElseThrow().printed())
        .isEqualTo("RF18 5390 0754 7034");
  }

  @Test
  void aMistypedReferenceIsNone() {
    // one digit wrong, two digits swapped, wrong check digits
    assertThat(CreditorReference.parse("RF18 5390 0754 7035")).isEmpty();
    assertThat(CreditorReference.parse("RF18 5390 0745 7034")).isEmpty();
    assertThat(CreditorReference.parse("RF19 5390 0754 7034")).isEmpty();
    assertThat(CreditorReference.parse("INV-2026-1004")).isEmpty();
    assertThat(CreditorReference.parse("")).isEmpty();
    assertThat(CreditorReference.parse(null)).isEmpty();
    assertThatThrownBy(() -> new CreditorReference("RF19539007547034"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyGeneratedReferenceChecksOut() {
    for (int number = 1; number <= 2000; number++) {
      String invoice = "INV-" + number;
      CreditorReference reference = CreditorReference.forInvoice(invoice).orElseThrow();
      assertThat(CreditorReference.parse(reference.printed())).as(invoice).contains(reference);
    }
  }

  @Test
  void aNumberTooLongOrWithoutLettersAndDigitsHasNone() {
    assertThat(CreditorReference.forInvoice("A".repeat(21))).isPresent();
    assertThat(CreditorReference.forInvoice("A".repeat(22))).isEmpty();
    assertThat(CreditorReference.forInvoice("---")).isEmpty();
  }
}
