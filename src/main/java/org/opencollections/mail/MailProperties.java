package org.opencollections.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who the mails come from and what they tell the customer about paying.
 *
 * @param from the sender address of every mail
 * @param managementCc addresses copied on every escalation to a sales rep
 * @param internalLocale the language of mails to colleagues (sales reps, management)
 * @param overduePaymentDays the shorter term, in days, an overdue notice asks the customer to pay in
 * @param company the business that sends the invoices
 */
@Validated
@ConfigurationProperties("collections.mail")
public record MailProperties(
    @NotBlank @Email String from,
    List<@Email String> managementCc,
    @NotBlank String internalLocale,
    @Positive int overduePaymentDays,
    @NotNull @Valid Company company) {

  public MailProperties {
    managementCc = managementCc == null ? List.of() : List.copyOf(managementCc);
    company = company == null ? new Company(null, null, null, null, null, null) : company;
  }

  /**
   * Shown in every mail and letter; bank details may be left empty where customers pay otherwise.
   *
   * @param address the lines of the postal address on letters (street, town, country)
   * @param payLink where customers pay online, with {@code {invoiceNumber}} standing for the
   *     invoice (https only); empty for none
   */
  public record Company(@NotBlank String name, String phone, String iban, String bic,
      List<@Size(max = 100) String> address,
      @Pattern(regexp = "https://\\S+", message = "must be an https address") String payLink) {

    public Company {
      address = address == null ? List.of() : List.copyOf(address);
      payLink = payLink == null || payLink.isBlank() ? null : payLink.strip();
    }

    /** The pay link of one invoice, or null when none is configured. */
    public String payLinkFor(String invoiceNumber) {
      return payLink == null ? null : payLink.replace("{invoiceNumber}",
          java.net.URLEncoder.encode(invoiceNumber, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
