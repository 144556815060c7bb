package org.opencollections.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Camt053ReaderTest {

  private static final Path SAMPLES = Path.of("src/test/resources/statements");

  private final Camt053Reader reader = new Camt053Reader();

  @Test
  void readsTheCreditsOfAStatementAndCountsWhatIsNoPaymentReceived() throws IOException {
    BankStatementFile file = reader.read(Files.readAllBytes(SAMPLES.resolve("statement-2026-11-20.xml")));

    assertThat(file.version()).isEqualTo("camt.053.001.08");
    assertThat(file.messageId()).isEqualTo("MSG-2026-11-20");
    assertThat(file.statements()).singleElement().satisfies(statement -> {
      assertThat(statement.id()).isEqualTo("STMT-2026-11-20-001");
      assertThat(statement.account()).isEqualTo("DE89370400440532013000");
      assertThat(statement.ignored()).as("a fee (debit) and a pending credit").isEqualTo(2);
    });
    assertThat(file.statements().get(0).lines()).hasSize(6);
    StatementLine first = file.statements().get(0).lines().get(0);
    assertThat(first).isEqualTo(new StatementLine("BK-20261120-0001", new java.math.BigDecimal("1000.00"),
        "EUR", false, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20), "E2E-8001",
        "Lindqvist Bygg AB", "SE4550000000058398257466", "RF18BK8001", null));
    StatementLine text = file.statements().get(0).lines().get(1);
    assertThat(text.remittanceText()).isEqualTo("Payment invoice bk-8002, thank you");
    assertThat(text.creditorReference()).isNull();
    assertThat(file.statements().get(0).lines().get(3).endToEndId()).as("NOTPROVIDED is none").isNull();
  }

  @Test
  void aReversedDebitIsAReturnedPayment() throws IOException {
    BankStatementFile file = reader.read(Files.readAllBytes(SAMPLES.resolve("statement-2026-11-24-returns.xml")));

    StatementLine returned = file.statements().get(0).lines().get(0);
    assertThat(returned.returnedPayment()).isTrue();
    assertThat(returned.endToEndId()).isEqualTo("E2E-8002");
    assertThat(returned.remittanceText()).contains("AC04 account closed");
  }

  @Test
  void aFileCutOffIsRefusedWithItsLine() throws IOException {
    byte[] cut = Files.readAllBytes(SAMPLES.resolve("statement-malformed.xml"));

    assertThatThrownBy(() -> reader.read(cut)).isInstanceOf(UnreadableStatementException.class)
        .hasMessageStartingWith("The file is not well-formed XML (line ");
  }

  @Test
  void otherMessagesAndVersionsAreNamed() {
    assertThatThrownBy(() -> read("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>"))
        .hasMessage("The file is camt.053.001.02; statements are read as camt.053.001.08 (ask the bank for that version)");
    assertThatThrownBy(() -> read("<Invoice/>")).hasMessageContaining("root element is Invoice");
    assertThatThrownBy(() -> read("")).isInstanceOf(UnreadableStatementException.class);
    assertThatThrownBy(() -> read("Buchungstag;Betrag\n20.11.2026;100,00"))
        .hasMessageStartingWith("The file is not well-formed XML (line 1");
  }

  @Test
  void entitiesAreNeverResolved() {
    String external = """
        <?xml version="1.0"?>
        <!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">&secret;</Document>""";

    assertThatThrownBy(() -> read(external)).isInstanceOf(UnreadableStatementException.class);
  }

  @Test
  void anEntryWithoutWhatAPaymentNeedsRefusesTheFile() throws IOException {
    String good = Files.readString(SAMPLES.resolve("statement-2026-11-20.xml"));

    assertThatThrownBy(() -> read(good.replaceFirst("<Amt Ccy=\"EUR\">500.00</Amt>", "<Amt Ccy=\"EUR\">500,00</Amt>")))
        .hasMessage("statement STMT-2026-11-20-001, entry 2 (BK-20261120-0002): Amt (amount) is missing or not a"
            + " positive decimal number");
    assertThatThrownBy(() -> read(good.replaceFirst("<Amt Ccy=\"EUR\">500.00</Amt>", "<Amt Ccy=\"EURO\">500.00</Amt>")))
        .hasMessageContaining("entry 2 (BK-20261120-0002): Amt/@Ccy is not an ISO 4217 currency: EURO");
    assertThatThrownBy(() -> read(good.replaceFirst("<CdtDbtInd>CRDT</CdtDbtInd>(\\s*<Sts>)", "<CdtDbtInd>CREDIT</CdtDbtInd>$1")))
        .hasMessageContaining("entry 1 (BK-20261120-0001): CdtDbtInd");
    assertThatThrownBy(() -> read(good.replaceFirst("<BookgDt><Dt>2026-11-20</Dt></BookgDt>\\s*<ValDt><Dt>2026-11-20</Dt></ValDt>", "")))
        .hasMessageContaining("entry 1 (BK-20261120-0001): BookgDt and ValDt");
  }

  private BankStatementFile read(String xml) {
    return reader.read(xml.getBytes(StandardCharsets.UTF_8));
  }
}
