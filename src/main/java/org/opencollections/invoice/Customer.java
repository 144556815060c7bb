package org.opencollections.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencollections.dunning.CustomerSegment;
import org.opencollections.dunning.EarlyPaymentDiscount;

/** A customer as the billing system knows it, with the one contact the collection talks to. */
@Entity
@Table(name = "customer")
public class Customer {

  @Id
  private String id;
  private String name;
  private String contactName;
  private String email;
  private String phone;
  private String locale;
  private String salesRepEmail;
  @Enumerated(EnumType.STRING)
  private CustomerSegment segment;
  private String country;
  private boolean reminderFeesAgreed;
  private BigDecimal discountPercent;
  private Integer discountDays;
  private String postalAddress;
  private Instant createdAt;
  private Instant updatedAt;
  @Version
  @Column(nullable = false)
  private long version;

  protected Customer() {
  }

  Customer(NewInvoice.CustomerData data, Instant now) {
    this.id = data.id();
    this.createdAt = now;
    this.segment = CustomerSegment.REGULAR;
    update(data, now);
  }

  /**
   * The billing system is the master of customer data: the latest invoice brings the latest details.
   * Details that are the same as before change nothing, not even the customer's version, so that
   * invoices of one customer registered at the same moment do not conflict.
   */
  void update(NewInvoice.CustomerData data, Instant now) {
    List<Object> before = details();
    this.name = data.name();
    this.contactName = data.contactName();
    this.email = data.email();
    this.phone = data.phone();
    this.locale = data.localeOrDefault();
    this.salesRepEmail = data.salesRepEmail();
    // Optional terms the billing system left out keep their earlier value.
    if (data.segment() != null) {
      this.segment = data.segmentOrDefault();
    }
    if (data.countryOrDefault() != null) {
      this.country = data.countryOrDefault();
    }
    if (data.reminderFeesAgreed() != null) {
      this.reminderFeesAgreed = data.reminderFeesAgreed();
    }
    if (data.postalAddress() != null) {
      this.postalAddress = data.postalAddress().isEmpty() ? null : String.join("\n", data.postalAddress());
    }
    if (data.earlyPaymentDiscount() != null) {
      this.discountPercent = data.earlyPaymentDiscount().percent();
      this.discountDays = data.earlyPaymentDiscount().days();
    }
    if (updatedAt == null || !details().equals(before)) {
      this.updatedAt = now;
    }
  }

  private List<Object> details() {
    return Arrays.asList(name, contactName, email, phone, locale, salesRepEmail, segment, country,
        reminderFeesAgreed, discountPercent == null ? null : discountPercent.stripTrailingZeros(),
        discountDays, postalAddress);
  }

  /** A clerk reached the wrong person: the call goes to the new contact from now on. */
  void changeContact(String contactName, String phone, String email, Instant now) {
    this.contactName = contactName;
    if (phone != null) {
      this.phone = phone;
    }
    if (email != null) {
      this.email = email;
    }
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getContactName() {
    return contactName;
  }

  public String getEmail() {
    return email;
  }

  /** The lines of the postal address letters go to (street, town...), empty when none is known. */
  public List<String> getPostalAddress() {
    return postalAddress == null ? List.of() : List.of(postalAddress.split("\n"));
  }

  public String getPhone() {
    return phone;
  }

  /** The customer's language tag, such as {@code en} or {@code de-CH}. */
  public String getLocaleTag() {
    return locale;
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(locale);
  }

  public String getSalesRepEmail() {
    return salesRepEmail;
  }

  public CustomerSegment getSegment() {
    return segment;
  }

  /** ISO 3166 country code, or null when neither the billing system nor the language said. */
  public String getCountry() {
    return country;
  }

  /** Whether the customer's contract allows a fee per reminder. */
  public boolean isReminderFeesAgreed() {
    return reminderFeesAgreed;
  }

  /** The customer's standing early-payment terms, if any. */
  public Optional<EarlyPaymentDiscount> getEarlyPaymentDiscount() {
    return discountPercent == null ? Optional.empty()
        : Optional.of(new EarlyPaymentDiscount(discountPercent, discountDays));
  }
}
