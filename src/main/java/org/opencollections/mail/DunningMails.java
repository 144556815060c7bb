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
import org.opencollections.dunning.LateCharges;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.ContactLog;
import org.opencollections.invoice.ContactLogEntry;
import org.opencollections.invoice.CreditorReference;
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
  private final PdfDocuments pdf;

  DunningMails(Invoices invoices, ContactLog contactLog, MailTemplates templates, Mailer mailer,
      MailProperties properties, Schedule schedule, Clock clock, ChargingLateFees charging,
      PaymentPlans plans, Outbox outbox, Delivering delivering, PdfDocuments pdf) {
    this.pdf = pdf;
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

  /**
   * What a reminder of the dunning policy adds to its mail or letter.
   *
   * @param number the reminder (or instalment) the mail belongs to: one mail per number
   * @param series what the numbers count in, when not the invoice's reminders (a payment plan's
   *     instalments: {@code plan7}); empty for none
   */
  public record ReminderDetails(int number, boolean offerPlan, String series) {
    public static final ReminderDetails NONE = new ReminderDetails(0, false);

    public ReminderDetails {
      series = series == null ? "" : series;
    }

    public ReminderDetails(int number, boolean offerPlan) {
      this(number, offerPlan, "");
    }
  }

  /**
   * A customer's promise to pay, made in a call about one or more invoices.
   *
   * @param occasion what makes the mail unique for these invoices (the call's id): one mail each
   */
  public record Promise(LocalDate date, BigDecimal amount, LocalDate madeOn, List<String> invoices,
      String occasion) {

    public Promise {
      invoices = List.copyOf(invoices);
      if (invoices.isEmpty()) {
        throw new IllegalArgumentException("A promise is about at least one invoice");
      }
    }
  }

  /**
   * Confirms or follows up a promise with one mail about all of its invoices; each invoice's
   * history records it. Skipped when none of them is still open.
   */
  @Transactional
  public Optional<ContactLogEntry> sendAboutPromise(DunningMail mail, Promise promise) {
    List<Invoice> open = promise.invoices().stream()
        .map(number -> invoices.lockByInvoiceNumber(number)
            .orElseThrow(() -> new InvoiceNotFoundException(number)))
        .filter(Invoice::isOpen)
        .toList();
    if (open.isEmpty()) {
      log.info("Invoices {}: {} not sent because none of them awaits payment", promise.invoices(), mail);
      return Optional.empty();
    }
    Invoice anchor = open.get(0);
    Occasion occasion = new Occasion(anchor.getInvoiceNumber() + "/" + mail.name() + "/" + promise.occasion(),
        ReminderDetails.NONE, promise, open);
    return deliver(anchor, mail, occasion);
  }

  /** What makes one mail: its outbox key, reminder details, the promise it is about, its invoices. */
  private record Occasion(String key, ReminderDetails reminder, Promise promise, List<Invoice> about) {
  }

  /** Sends a reminder of the dunning policy, with its charges and, if it says so, a plan offer. */
  @Transactional
  public Optional<ContactLogEntry> send(String invoiceNumber, DunningMail mail, ReminderDetails reminder) {
    Invoice invoice = invoices.lockByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    return deliver(invoice, mail,
        new Occasion(mailKey(invoiceNumber, mail, reminder), reminder, null, List.of(invoice)));
  }

  private Optional<ContactLogEntry> deliver(Invoice invoice, DunningMail mail, Occasion occasion) {
    String invoiceNumber = invoice.getInvoiceNumber();
    LocalDate today = schedule.today();
    LocalDate lastMailOn = contactLog
        .findFirstByInvoiceAndChannelOrderByOccurredAtDescIdDesc(invoice, ContactLogEntry.Channel.EMAIL)
        .map(entry -> schedule.dayOf(entry.getOccurredAt()))
        .orElse(null);
    String key = occasion.key();
    Optional<OutboxMail> recorded = outbox.findByMailKey(key);
    if (recorded.isPresent() && recorded.get().getStatus() == OutboxMail.Status.SENT) {
      // a retried step: the mail went out before, only its record may be missing
      OutboxMail sent = recorded.get();
      if (!contactLog.existsByInvoiceAndChannelAndKindAndSubject(invoice, ContactLogEntry.Channel.EMAIL,
          mail.name(), sent.getSubject())) {
        String recipients = sent.getRecipients() + (sent.getCc() == null ? "" : "; cc: " + sent.getCc());
        return record(occasion, mail, sent.getSentAt(), recipients, sent.getSubject());
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
    Composed composed = compose(invoice, mail, today, occasion);
    OutgoingMail outgoing = composed.mail();
    // Recorded and marked as being handed over before SMTP sees it, each in a commit of its own:
    // whatever happens to this step afterwards, the outbox knows the mail went out.
    OutboxMail row = delivering.claim(key, invoiceNumber, mail.name(), outgoing, composed.language());
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
    log.info("Invoice {}: {} sent to {} in {}", invoiceNumber, mail, outgoing.recipients(), composed.language());
    return record(occasion, mail, clock.instant(), outgoing.recipients(), outgoing.subject());
  }

  /** The mail in the history of every invoice it was about; answers the first invoice's entry. */
  private Optional<ContactLogEntry> record(Occasion occasion, DunningMail mail, java.time.Instant at,
      String recipients, String subject) {
    ContactLogEntry first = null;
    for (Invoice about : occasion.about()) {
      about.reach(mail.stage());
      ContactLogEntry entry = contactLog.save(ContactLogEntry.mail(about, at, mail.name(), recipients, subject));
      first = first == null ? entry : first;
    }
    return Optional.ofNullable(first);
  }

  /** Once per invoice, mail and reminder (or plan and instalment): a retried step finds what it sent. */
  static String mailKey(String invoiceNumber, DunningMail mail, ReminderDetails reminder) {
    String number = reminder.number() > 0 ? String.valueOf(reminder.number()) : "";
    String occasion = reminder.series().isEmpty() ? number
        : reminder.series() + (number.isEmpty() ? "" : "-" + number);
    return invoiceNumber + "/" + mail.name() + (occasion.isEmpty() ? "" : "/" + occasion);
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
    return render(invoice, mail, schedule.today(), occasion(invoice, mail, reminder)).rendered();
  }

  /** The reminder as a print-ready letter (A4 PDF, address in the envelope window). */
  @Transactional(readOnly = true)
  public byte[] letterPdf(String invoiceNumber, DunningMail mail, ReminderDetails reminder) {
    Invoice invoice = invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    LocalDate today = schedule.today();
    Rendering letter = render(invoice, mail, today, occasion(invoice, mail, reminder));
    return pdf.render(letter.rendered().subject(), letter.rendered().body(),
        letterFrame(invoice, letter.language(), today));
  }

  /** A copy of the invoice as a PDF in the customer's language, made from the invoice data. */
  @Transactional(readOnly = true)
  public byte[] invoiceCopy(String invoiceNumber) {
    Invoice invoice = invoices.findByInvoiceNumber(invoiceNumber)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
    return invoiceCopy(invoice, schedule.today());
  }

  private byte[] invoiceCopy(Invoice invoice, LocalDate today) {
    MailTemplates.MailTemplate template = templates.find(DunningMail.INVOICE_COPY_TEMPLATE,
        invoice.getCustomer().getLocale());
    RenderedMail copy = template.render(model(invoice, template.language(), today));
    return pdf.render(copy.subject(), copy.body(), letterFrame(invoice, template.language(), today));
  }

  private Map<String, Object> letterFrame(Invoice invoice, Locale language, LocalDate today) {
    Customer customer = invoice.getCustomer();
    MailProperties.Company company = properties.company();
    Map<String, Object> page = new HashMap<>();
    page.put("language", language.toLanguageTag());
    page.put("companyName", company.name());
    page.put("companyAddress", company.address());
    page.put("companyPhone", text(company.phone()));
    page.put("iban", text(company.iban()));
    page.put("bic", text(company.bic()));
    page.put("customerName", customer.getName());
    page.put("contactName", customer.getContactName());
    page.put("postalAddress", customer.getPostalAddress());
    page.put("date", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(today));
    return page;
  }

  private Occasion occasion(Invoice invoice, DunningMail mail, ReminderDetails reminder) {
    return new Occasion(mailKey(invoice.getInvoiceNumber(), mail, reminder), reminder, null, List.of(invoice));
  }

  /** A template filled in, and the language it is written in. */
  private record Rendering(RenderedMail rendered, Locale language) {
  }

  /** A mail ready for SMTP, and the language it is written in. */
  private record Composed(OutgoingMail mail, String language) {
  }

  private Rendering render(Invoice invoice, DunningMail mail, LocalDate today, Occasion occasion) {
    boolean toCustomer = mail.addressee() == DunningMail.Addressee.CUSTOMER;
    Locale locale = toCustomer
        ? invoice.getCustomer().getLocale() : Locale.forLanguageTag(properties.internalLocale());
    MailTemplates.MailTemplate template = templates.find(mail.template(), locale);
    // Dates and amounts follow the language the mail is written in.
    Map<String, Object> model = model(invoice, template.language(), today);
    model.put("offerPlan", occasion.reminder().offerPlan());
    model.put("reminderNumber", occasion.reminder().number());
    model.put("invoiceCopyAttached", mail.attachesInvoiceCopy());
    if (occasion.promise() != null) {
      addPromise(model, occasion, invoice.getCurrency(), template.language());
    }
    return new Rendering(template.render(model), template.language());
  }

  private Composed compose(Invoice invoice, DunningMail mail, LocalDate today, Occasion occasion) {
    Customer customer = invoice.getCustomer();
    boolean toCustomer = mail.addressee() == DunningMail.Addressee.CUSTOMER;
    Rendering rendering = render(invoice, mail, today, occasion);
    RenderedMail rendered = rendering.rendered();
    List<OutgoingMail.Attachment> attachments = mail.attachesInvoiceCopy()
        ? List.of(new OutgoingMail.Attachment("invoice-" + invoice.getInvoiceNumber() + ".pdf",
            "application/pdf", invoiceCopy(invoice, today)))
        : List.of();
    String language = rendering.language().toLanguageTag();
    if (toCustomer) {
      return new Composed(new OutgoingMail(
          new OutgoingMail.Address(customer.getEmail(), customer.getContactName()), List.of(),
          rendered.subject(), rendered.body(), rendered.html(), attachments), language);
    }
    List<OutgoingMail.Address> management = properties.managementCc().stream()
        .map(email -> new OutgoingMail.Address(email, null)).toList();
    return new Composed(new OutgoingMail(new OutgoingMail.Address(customer.getSalesRepEmail(), null),
        management, rendered.subject(), rendered.body(), rendered.html(), attachments), language);
  }

  /** The promise and each of its invoices still open, formatted for the mail's language. */
  private void addPromise(Map<String, Object> model, Occasion occasion, String currency, Locale locale) {
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    Promise promise = occasion.promise();
    model.put("promise", Map.of(
        "date", dates.format(promise.date()),
        "amount", money(promise.amount(), currency, locale),
        "madeOn", dates.format(promise.madeOn()),
        "invoices", occasion.about().stream().map(about -> Map.of(
            "number", about.getInvoiceNumber(),
            "dueDate", dates.format(about.getDueDate()),
            "balance", money(about.getBalance(), about.getCurrency(), locale))).toList()));
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
    // the RF reference lets the bank's statement be matched to the invoice without reading text
    model.put("paymentReference", CreditorReference.forInvoice(invoice.getInvoiceNumber())
        .map(CreditorReference::printed).orElse(invoice.getInvoiceNumber()));
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
    model.put("payLink", text(company.payLinkFor(invoice.getInvoiceNumber())));
    model.put("today", dates.format(today));
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
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    List<Map<String, Object>> lines = statement.all().stream().filter(c -> !c.waived())
        .map(c -> {
          Map<String, Object> line = new HashMap<>();
          line.put("amount", money(c.amount(), c.currency(), locale));
          line.put("explanation", c.explanation());
          line.put("level", c.level());
          line.put("interest", c.kind() == LateCharges.Kind.INTEREST);
          line.put("compensation", c.kind() == LateCharges.Kind.COMPENSATION);
          line.put("reminderFee", c.kind() == LateCharges.Kind.REMINDER_FEE);
          line.put("through", c.through() == null ? "" : dates.format(c.through()));
          line.put("periods", charging.periodsOf(invoice.getInvoiceNumber(), c).stream()
              .map(period -> Map.of(
                  "rate", percent(period.rate(), locale),
                  "referenceRate", percent(period.referenceRate(), locale),
                  "margin", number(period.rate().subtract(period.referenceRate()), locale),
                  "principal", money(period.principal(), c.currency(), locale),
                  "from", days.format(period.firstDay()),
                  "to", days.format(period.lastDay()),
                  "days", period.days(),
                  "yearDays", period.yearDays(),
                  "interest", money(period.interest(), c.currency(), locale)))
              .toList());
          return line;
        })
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

  /** A rate in percent with at least two decimals, as the language writes numbers: 10,15 in German. */
  static String percent(BigDecimal rate, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(Math.max(2, rate.stripTrailingZeros().scale()));
    format.setMaximumFractionDigits(Math.max(2, rate.stripTrailingZeros().scale()));
    return format.format(rate);
  }

  private static String number(BigDecimal value, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
    return format.format(value.stripTrailingZeros());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
