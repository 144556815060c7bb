package org.opencollections.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencollections.invoice.DuplicateInvoiceException;
import org.opencollections.invoice.NewInvoice;
import org.opencollections.invoice.RegisteringInvoice;
import org.springframework.dao.DataIntegrityViolationException;

/** An invoice registered by another request at the same moment as the import's row. */
class ImportingInvoicesTest {

  private static final String CSV = "invoiceNumber,customerId,customerName,contactName,email,phone,"
      + "salesRepEmail,amount,currency,issueDate,dueDate\r\n"
      + "RACE-1,C-1,Nordlicht,Anna Berg,anna@nordlicht.example,+49 30 1,sam@northwind.example,"
      + "1250.00,EUR,2026-03-02,2026-04-01\r\n";
  private static final RegisteredInvoices.Terms SAME = new RegisteredInvoices.Terms("RACE-1", "C-1",
      new BigDecimal("1250.0000"), "EUR", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));

  private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
  private final RegisteringInvoice registering = mock(RegisteringInvoice.class);
  private final RegisteredInvoices registered = mock(RegisteredInvoices.class);
  private final ImportingInvoices importing = new ImportingInvoices(registering, registered,
      validation.getValidator());

  @AfterEach
  void close() {
    validation.close();
  }

  private ImportReport importFile() {
    return importing.importFile("race.csv", new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)),
        "billing");
  }

  /** How the registration of an invoice stored by another request at the same moment fails. */
  static Stream<RuntimeException> storedMeanwhile() {
    return Stream.of(new DuplicateInvoiceException("RACE-1"),
        new DataIntegrityViolationException("unique key invoice_number"));
  }

  @ParameterizedTest
  @MethodSource("storedMeanwhile")
  void anInvoiceRegisteredMeanwhileWithTheSameTermsCountsAsUnchanged(RuntimeException failure) {
    when(registered.findTerms("RACE-1")).thenReturn(Optional.empty(), Optional.of(SAME));
    when(registering.register(any(NewInvoice.class), eq("billing"))).thenThrow(failure);

    ImportReport report = importFile();

    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(report.imported()).isZero();
    assertThat(report.rejected()).isZero();
    assertThat(report.errors()).isEmpty();
  }

  @Test
  void aCustomerCreatedMeanwhileIsFoundOnTheSecondTry() {
    when(registered.findTerms("RACE-1")).thenReturn(Optional.empty());
    when(registering.register(any(NewInvoice.class), eq("billing")))
        .thenThrow(new DataIntegrityViolationException("unique key customer id")).thenReturn(null);

    ImportReport report = importFile();

    assertThat(report.imported()).isEqualTo(1);
    verify(registering, times(2)).register(any(NewInvoice.class), eq("billing"));
  }

  @Test
  void otherTermsRegisteredMeanwhileRejectTheRow() {
    RegisteredInvoices.Terms other = new RegisteredInvoices.Terms("RACE-1", "C-2", SAME.amount(), "EUR",
        SAME.issueDate(), SAME.dueDate());
    when(registered.findTerms("RACE-1")).thenReturn(Optional.empty(), Optional.of(other));
    when(registering.register(any(NewInvoice.class), eq("billing")))
        .thenThrow(new DuplicateInvoiceException("RACE-1"));

    ImportReport report = importFile();

    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.errors()).singleElement().satisfies(error -> {
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.field()).isEqualTo("customerId");
      assertThat(error.message())
          .isEqualTo("invoice RACE-1 is already registered for customer C-2, this row says C-1");
    });
  }
}
