package org.opencollections.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.opencollections.dunning.CustomerSegment;

/** {@code POST /api/invoices}: an invoice the billing system has issued. */
@ValidMoney
public record NewInvoice(
    @NotBlank @Size(max = 64) @Pattern(regexp = Constraints.IDENTIFIER, message = Constraints.IDENTIFIER_MESSAGE)
    String invoiceNumber,
    @NotNull @Valid CustomerData customer,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @NotBlank String currency,
    @NotNull LocalDate issueDate,
    @NotNull LocalDate dueDate,
    @Valid DiscountTerms earlyPaymentDiscount) implements MoneyAmount {

  public NewInvoice(String invoiceNumber, CustomerData customer, BigDecimal amount, String currency,
      LocalDate issueDate, LocalDate dueDate) {
    this(invoiceNumber, customer, amount, currency, issueDate, dueDate, null);
  }

  /** "2% if paid within 10 days": the percent taken off when paid within so many days of issue. */
  public record DiscountTerms(
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false)
      @Digits(integer = 2, fraction = 2) BigDecimal percent,
      @NotNull @Min(0) @Max(365) Integer days) {
  }

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
      @NotBlank @Size(max = 254) @Email String salesRepEmail,
      @Pattern(regexp = "new|regular|key account|public sector|consumer|NEW|REGULAR|KEY_ACCOUNT|PUBLIC_SECTOR|CONSUMER",
          message = "must be one of new, regular, key account, public sector, consumer")
      String segment,
      @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE")
      String country,
      Boolean reminderFeesAgreed,
      @Valid DiscountTerms earlyPaymentDiscount,
      @Size(max = 6) List<@NotBlank @Size(max = 100)
          @Pattern(regexp = Constraints.SINGLE_LINE, message = Constraints.SINGLE_LINE_MESSAGE) String> postalAddress) {

    public CustomerData(String id, String name, String contactName, String email, String phone,
        String locale, String salesRepEmail) {
      this(id, name, contactName, email, phone, locale, salesRepEmail, null, null, null, null, null);
    }

    CustomerSegment segmentOrDefault() {
      return CustomerSegment.parse(segment).orElse(CustomerSegment.REGULAR);
    }

    /** The country given, else the one of the language tag (de-CH: CH), else none. */
    String countryOrDefault() {
      if (country != null) {
        return country;
      }
      String region = Locale.forLanguageTag(localeOrDefault()).getCountry();
      return region.isEmpty() ? null : region;
    }

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
