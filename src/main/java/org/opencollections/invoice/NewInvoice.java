package org.opencollections.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** {@code POST /api/invoices}: an invoice the billing system has issued. */
@ValidMoney
public record NewInvoice(
    @NotBlank @Size(max = 64) @Pattern(regexp = Constraints.IDENTIFIER, message = Constraints.IDENTIFIER_MESSAGE)
    String invoiceNumber,
    @NotNull @Valid CustomerData customer,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @NotBlank String currency,
    @NotNull LocalDate issueDate,
    @NotNull LocalDate dueDate) implements MoneyAmount {

  /** The customer and the contact to address; the contact's name opens every mail. */
  public record CustomerData(
      @NotBlank @Size(max = 64) @Pattern(regexp = Constraints.IDENTIFIER, message = Constraints.IDENTIFIER_MESSAGE)
      String id,
      @NotBlank @Size(max = 200) @Pattern(regexp = Constraints.SINGLE_LINE, message = Constraints.SINGLE_LINE_MESSAGE)
      String name,
      @NotBlank @Size(max = 200) @Pattern(regexp = Constraints.SINGLE_LINE, message = Constraints.SINGLE_LINE_MESSAGE)
      String contactName,
      @NotBlank @Size(max = 254) @Email String email,
      @NotBlank @Pattern(regexp = Constraints.PHONE, message = Constraints.PHONE_MESSAGE) String phone,
      @Pattern(regexp = Constraints.LANGUAGE_TAG, message = Constraints.LANGUAGE_TAG_MESSAGE) String locale,
      @NotBlank @Size(max = 254) @Email String salesRepEmail) {

    /** The language tag to store; English when the billing system sent none. */
    String localeOrDefault() {
      if (locale == null || locale.isBlank()) {
        return "en";
      }
      return Locale.forLanguageTag(locale.replace('_', '-')).toLanguageTag();
    }
  }

  @AssertTrue(message = "must not be before issueDate")
  boolean isDueDate() {
    return issueDate == null || dueDate == null || !dueDate.isBefore(issueDate);
  }
}
