package org.opencollections.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencollections.charges.ChargingLateFees;
import org.opencollections.dunning.DunningMail;
import org.opencollections.dunning.DunningRules;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.ContactLog;
import org.opencollections.invoice.ContactLogEntry;
import org.opencollections.invoice.Customer;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.InvoiceNotFoundException;
import org.opencollections.invoice.Invoices;
import org.opencollections.plan.PaymentPlans;
import org.slf4j.Logger;
import org.springframework.mail.MailException;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the mail of a lifecycle step for one invoice: checks it is still wanted, fills in the
 * template in the addressee's language, hands it to SMTP and records it in the contact history.
 */
@Service
public class DunningMails {

  private static final Logger log = LoggerFactory.getLogger(DunningMails.class);

  private final Invoices invoices;
  private final ContactLog contactLog;
  private final MailTemplates templates;
  private final Mailer mailer;
  private final MailProperties properties;
  private final Schedule schedule;
  private final Clock clock;
  private final ChargingLateFees charging;
  private final PaymentPlans plans;
  private final Outbox outbox;
  private final Delivering delivering;

  DunningMails(Invoices invoices, ContactLog contactLog, MailTemplates templates, Mailer mailer,
      MailProperties properties, Schedule schedule, Clock clock, ChargingLateFees charging,
      PaymentPlans plans, Outbox outbox, Delivering delivering) {
    this.outbox = outbox;
    this.delivering = delivering;
    this.charging = charging;
    this.plans = plans;
    this.invoices = invoices;
    this.contactLog = contactLog;
    this.templates = templates;
    this.mailer = mailer;
    this.properties = properties;
    this.schedule = schedule;
    this.clock = clock;
  }

  /**
   * Sends the mail unless the rules say it no longer fits. The invoice row stays locked until the
   * transaction ends, so a payment recorded meanwhile waits, and a payment recorded before means
   * no mail.
   *
   * @return the contact history entry of the mail sent, or empty when it was skipped
   */
  @Transactional
  public Optional<ContactLogEntry> send(String invoiceNumber, DunningMail mail) {
    return send(invoiceNumber, mail, ReminderDetails.NONE);
  }

  /** What a reminder of the dunning policy adds to its mail or letter. */
  public record ReminderDetails(int number, boolean offerPlan) {
    public static final ReminderDetails NONE = new ReminderDetails(0, false);
  }

  /** Sends a reminder of the dunning policy, with its charges and, if it says so, a plan offer. */
  @Transactional
  public Optional<ContactLogEntry> send(String invoiceNumber, DunningMail mail, ReminderDetails reminder) {
    Invoice invoice = invoices.lockByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    LocalDate today = schedule.today();
    LocalDate lastMailOn = contactLog
        .findFirstByInvoiceAndChannelOrderByOccurredAtDescIdDesc(invoice, ContactLogEntry.Channel.EMAIL)
        .map(entry -> schedule.dayOf(entry.getOccurredAt()))
        .orElse(null);
    String key = mailKey(invoiceNumber, mail, reminder);
    Optional<OutboxMail> recorded = outbox.findByMailKey(key);
    if (recorded.isPresent() && recorded.get().getStatus() == OutboxMail.Status.SENT) {
      // a retried step: the mail went out before, only its record may be missing
      OutboxMail sent = recorded.get();
      if (!contactLog.existsByInvoiceAndChannelAndKindAndSubject(invoice, ContactLogEntry.Channel.EMAIL,
          mail.name(), sent.getSubject())) {
        invoice.reach(mail.stage());
        return Optional.of(contactLog.save(ContactLogEntry.mail(invoice, sent.getSentAt(), mail.name(),
            sent.getRecipients() + (sent.getCc() == null ? "" : "; cc: " + sent.getCc()), sent.getSubject())));
      }
      log.info("Invoice {}: {} went out before, not sent again", invoiceNumber, mail);
      return Optional.empty();
    }
    if (recorded.isPresent() && recorded.get().getStatus() == OutboxMail.Status.SENDING) {
      throw new MailDeliveryException("Mail '" + recorded.get().getSubject() + "' to "
          + recorded.get().getRecipients() + " may have gone out already: the node stopped while"
          + " handing it to the SMTP server. Check the mail server's log; it is not sent again"
          + " (outbox mail " + recorded.get().getId() + ", key " + key + ").", null);
    }
    Optional<String> skip = DunningRules.reasonToSkip(mail, invoice.isOpen(), today,
        invoice.getDueDate(), lastMailOn);
    if (skip.isPresent()) {
      log.info("Invoice {}: {} not sent because {}", invoiceNumber, mail, skip.get());
      return Optional.empty();
    }
    OutgoingMail outgoing = compose(invoice, mail, today, reminder);
    // Recorded and marked as being handed over before SMTP sees it, each in a commit of its own:
    // whatever happens to this step afterwards, the outbox knows the mail went out.
    OutboxMail row = delivering.claim(key, invoiceNumber, mail.name(), outgoing);
    try {
      mailer.send(outgoing);
    } catch (MailException e) {
      String error = "The SMTP server did not take mail '" + outgoing.subject() + "' to "
          + outgoing.recipients() + ": " + rootMessage(e) + ". It waits in the outbox (mail "
          + row.getId() + ") and goes out when this step is retried.";
      delivering.failed(row.getId(), error);
      throw new MailDeliveryException(error, e);
    }
    delivering.sent(row.getId());
    invoice.reach(mail.stage());
    log.info("Invoice {}: {} sent to {}", invoiceNumber, mail, outgoing.recipients());
    return Optional.of(contactLog.save(ContactLogEntry.mail(invoice, clock.instant(), mail.name(),
        outgoing.recipients(), outgoing.subject())));
  }

  /** Once per invoice, mail and reminder (or instalment): a retried step finds what it sent. */
  static String mailKey(String invoiceNumber, DunningMail mail, ReminderDetails reminder) {
    return invoiceNumber + "/" + mail.name() + (reminder.number() > 0 ? "/" + reminder.number() : "");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The reminder as a letter to post: the same text as its mail. */
  @Transactional(readOnly = true)
  public RenderedMail letter(String invoiceNumber, DunningMail mail, ReminderDetails reminder) {
    Invoice invoice = invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    return render(invoice, mail, schedule.today(), reminder);
  }

  private RenderedMail render(Invoice invoice, DunningMail mail, LocalDate today, ReminderDetails reminder) {
    boolean toCustomer = mail.addressee() == DunningMail.Addressee.CUSTOMER;
    Locale locale = toCustomer
        ? invoice.getCustomer().getLocale() : Locale.forLanguageTag(properties.internalLocale());
    MailTemplates.MailTemplate template = templates.find(mail.template(), locale);
    // Dates and amounts follow the language the mail is written in.
    Map<String, Object> model = model(invoice, template.language(), today);
    model.put("offerPlan", reminder.offerPlan());
    model.put("reminderNumber", reminder.number());
    return template.render(model);
  }

  private OutgoingMail compose(Invoice invoice, DunningMail mail, LocalDate today, ReminderDetails reminder) {
    Customer customer = invoice.getCustomer();
    boolean toCustomer = mail.addressee() == DunningMail.Addressee.CUSTOMER;
    RenderedMail rendered = render(invoice, mail, today, reminder);
    if (toCustomer) {
      return new OutgoingMail(new OutgoingMail.Address(customer.getEmail(), customer.getContactName()),
          List.of(), rendered.subject(), rendered.body());
    }
    List<OutgoingMail.Address> management = properties.managementCc().stream()
        .map(email -> new OutgoingMail.Address(email, null)).toList();
    return new OutgoingMail(new OutgoingMail.Address(customer.getSalesRepEmail(), null),
        management, rendered.subject(), rendered.body());
  }

  private Map<String, Object> model(Invoice invoice, Locale locale, LocalDate today) {
    Customer customer = invoice.getCustomer();
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    BigDecimal paid = invoice.getAmount().subtract(invoice.getBalance());
    MailProperties.Company company = properties.company();
    Map<String, Object> model = new HashMap<>();
    model.put("contactName", customer.getContactName());
    model.put("customerName", customer.getName());
    model.put("customerId", customer.getId());
    model.put("contactEmail", customer.getEmail());
    model.put("contactPhone", customer.getPhone());
    model.put("invoiceNumber", invoice.getInvoiceNumber());
    model.put("paymentReference", invoice.getInvoiceNumber());
    model.put("issueDate", dates.format(invoice.getIssueDate()));
    model.put("dueDate", dates.format(invoice.getDueDate()));
    model.put("payBy", dates.format(today.plusDays(properties.overduePaymentDays())));
    model.put("daysOverdue", DunningRules.daysOverdue(invoice.getDueDate(), today));
    model.put("amount", money(invoice.getAmount(), invoice.getCurrency(), locale));
    model.put("balance", money(invoice.getBalance(), invoice.getCurrency(), locale));
    model.put("partiallyPaid", paid.signum() > 0 && invoice.getBalance().signum() > 0);
    model.put("paidAmount", money(paid, invoice.getCurrency(), locale));
    model.put("companyName", company.name());
    model.put("companyPhone", text(company.phone()));
    model.put("iban", text(company.iban()));
    model.put("bic", text(company.bic()));
    addDiscount(model, invoice, locale, today, dates);
    addCharges(model, invoice, locale);
    addPlan(model, invoice, locale, today, dates);
    model.put("contacts", contactLog.findByInvoiceOrderByOccurredAtAscIdAsc(invoice).stream()
        .map(entry -> Map.of(
            "date", dates.format(schedule.dayOf(entry.getOccurredAt())),
            "description", entry.summary()))
        .toList());
    return model;
  }

  /** Early-payment terms still open: the discounted amount and its deadline, shown boldly. */
  private void addDiscount(Map<String, Object> model, Invoice invoice, Locale locale, LocalDate today,
      DateTimeFormatter dates) {
    invoice.getEarlyPaymentDiscount()
        .filter(terms -> !today.isAfter(terms.deadline(invoice.getIssueDate())))
        .filter(terms -> invoice.getBalance().compareTo(invoice.getAmount()) == 0)
        .ifPresent(terms -> {
          String currency = invoice.getCurrency();
          model.put("discount", Map.of(
              "percent", terms.percent().stripTrailingZeros().toPlainString(),
              "deadline", dates.format(terms.deadline(invoice.getIssueDate())),
              "discountedAmount", money(terms.discountedAmount(invoice.getAmount(), currency), currency, locale),
              "saving", money(terms.discount(invoice.getAmount(), currency), currency, locale)));
        });
  }

  /** The late charges claimed so far, each with how it was computed, and the total now due. */
  private void addCharges(Map<String, Object> model, Invoice invoice, Locale locale) {
    var statement = charging.statement(invoice.getInvoiceNumber());
    List<Map<String, Object>> lines = statement.all().stream().filter(c -> !c.waived())
        .map(c -> Map.<String, Object>of("amount", money(c.amount(), c.currency(), locale),
            "explanation", c.explanation()))
        .toList();
    if (!lines.isEmpty()) {
      model.put("charges", Map.of(
          "lines", lines,
          "total", money(statement.totalOwed(), invoice.getCurrency(), locale),
          "totalDue", money(invoice.getBalance().add(statement.totalOwed()), invoice.getCurrency(), locale)));
    }
  }

  /** A running payment plan: its instalments and the next one due. */
  private void addPlan(Map<String, Object> model, Invoice invoice, Locale locale, LocalDate today,
      DateTimeFormatter dates) {
    plans.running(invoice).ifPresent(plan -> {
      String currency = invoice.getCurrency();
      model.put("plan", Map.of(
          "instalments", plan.getInstalments().stream().map(i -> Map.of(
              "number", i.getNumber(),
              "dueOn", dates.format(i.getDueOn()),
              "amount", money(i.getAmount(), currency, locale))).toList(),
          "count", plan.getInstalments().size()));
      plan.nextInstalment(today).ifPresent(next -> model.put("instalment", Map.of(
          "number", next.getNumber(),
          "dueOn", dates.format(next.getDueOn()),
          "amount", money(next.getAmount(), currency, locale))));
    });
  }

  static String money(BigDecimal amount, String currencyCode, Locale locale) {
    Currency currency = Currency.getInstance(currencyCode);
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
    format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
    return format.format(amount);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
