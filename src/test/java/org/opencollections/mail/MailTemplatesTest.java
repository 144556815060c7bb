package org.opencollections.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencollections.dunning.DunningMail;
import org.springframework.core.io.ClassPathResource;

/**
 * Every template in every language: it exists, uses the same placeholders as the English one, and
 * renders a sample invoice with the amounts and dates written the way the language writes them.
 */
class MailTemplatesTest {

  private static final MailTemplates templates = new MailTemplates();

  /** How each language opens a mail to the customer's contact, and a phrase every reminder keeps. */
  private static final Map<String, String[]> PHRASES = Map.of(
      "en", new String[] {"Dear ", "please disregard it"},
      "de", new String[] {"Guten Tag ", "gegenstandslos"},
      "sv", new String[] {"Hej ", "bortse från"},
      "da", new String[] {"Kære ", "se bort fra"},
      "it", new String[] {"Gentile ", "non tenere conto"},
      "es", new String[] {"Estimado/a ", "no lo tenga en cuenta"},
      "hy", new String[] {"Հարգելի ", "անտեսել"});

  static List<String> templateNames() {
    List<String> names = new ArrayList<>();
    for (DunningMail mail : DunningMail.values()) {
      names.add(mail.template());
    }
    names.add(DunningMail.INVOICE_COPY_TEMPLATE);
    return names;
  }

  static Stream<Arguments> everyTemplateInEveryLanguage() {
    return MailTemplates.LANGUAGES.stream()
        .flatMap(language -> templateNames().stream().map(name -> Arguments.of(language, name)));
  }

  static Stream<String> languages() {
    return MailTemplates.LANGUAGES.stream();
  }

  /** A sample model as DunningMails builds it, every value formatted for the language. */
  static Map<String, Object> sampleModel(Locale locale) {
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    Map<String, Object> model = new HashMap<>();
    model.put("contactName", "Åsa Öberg");
    model.put("customerName", "Öberg Verktyg AB");
    model.put("customerId", "C-42");
    model.put("contactEmail", "asa@oberg.example");
    model.put("contactPhone", "+46 8 123 45");
    model.put("invoiceNumber", "INV-42");
    model.put("paymentReference", "INV-42");
    model.put("issueDate", dates.format(LocalDate.of(2026, 3, 2)));
    model.put("dueDate", dates.format(LocalDate.of(2026, 4, 1)));
    model.put("payBy", dates.format(LocalDate.of(2026, 4, 20)));
    model.put("today", dates.format(LocalDate.of(2026, 4, 13)));
    model.put("daysOverdue", 12L);
    model.put("amount", euro("1250.00", locale));
    model.put("balance", euro("850.00", locale));
    model.put("partiallyPaid", true);
    model.put("paidAmount", euro("400.00", locale));
    model.put("companyName", "Northwind Supplies AB");
    model.put("companyPhone", "+46 8 555 010 00");
    model.put("iban", "SE45 5000 0000 0583 9825 7466");
    model.put("bic", "ESSESESS");
    model.put("payLink", "https://pay.northwind.example/i/INV-42");
    model.put("offerPlan", true);
    model.put("invoiceCopyAttached", true);
    model.put("reminderNumber", 2);
    model.put("discount", Map.of("percent", "2", "deadline", dates.format(LocalDate.of(2026, 3, 12)),
        "discountedAmount", euro("1225.00", locale), "saving", euro("25.00", locale)));
    model.put("charges", Map.of(
        "lines", List.of(
            Map.of("amount", euro("3.35", locale), "interest", true, "compensation", false,
                "reminderFee", false, "level", 2, "through", dates.format(LocalDate.of(2026, 4, 13)),
                "periods", List.of(Map.of("rate", DunningMails.percent(new BigDecimal("10.15"), locale),
                    "referenceRate", DunningMails.percent(new BigDecimal("2.15"), locale), "margin", "8",
                    "principal", euro("850.00", locale), "from", days.format(LocalDate.of(2026, 4, 2)),
                    "to", days.format(LocalDate.of(2026, 4, 13)), "days", 12, "yearDays", 365,
                    "interest", euro("3.35", locale)))),
            Map.of("amount", euro("40.00", locale), "interest", false, "compensation", true,
                "reminderFee", false, "level", 2, "through", "", "periods", List.of()),
            Map.of("amount", euro("5.00", locale), "interest", false, "compensation", false,
                "reminderFee", true, "level", 2, "through", "", "periods", List.of())),
        "total", euro("48.35", locale), "totalDue", euro("898.35", locale)));
    List<Map<String, Object>> instalments = List.of(
        Map.of("number", 1, "dueOn", dates.format(LocalDate.of(2026, 5, 4)), "amount", euro("425.00", locale)),
        Map.of("number", 2, "dueOn", dates.format(LocalDate.of(2026, 6, 1)), "amount", euro("425.00", locale)));
    model.put("plan", Map.of("instalments", instalments, "count", 2));
    model.put("instalment", instalments.get(0));
    model.put("promise", Map.of("date", dates.format(LocalDate.of(2026, 4, 24)),
        "amount", euro("850.00", locale), "madeOn", dates.format(LocalDate.of(2026, 4, 14)),
        "invoices", List.of(Map.of("number", "INV-42", "dueDate", dates.format(LocalDate.of(2026, 4, 1)),
            "balance", euro("850.00", locale)))));
    model.put("contacts", List.of(Map.of("date", dates.format(LocalDate.of(2026, 4, 6)),
        "description", "Mail \"Invoice INV-42 is past its due date\"")));
    return model;
  }

  private static String euro(String amount, Locale locale) {
    return DunningMails.money(new BigDecimal(amount), "EUR", locale);
  }

  @ParameterizedTest
  @MethodSource("languages")
  void everyTemplateIsWrittenInEveryLanguage(String language) {
    List<String> missing = templateNames().stream()
        .filter(name -> !templates.exists(name, language))
        .toList();
    assertThat(missing).as("templates missing in templates/mail/%s/", language).isEmpty();
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("everyTemplateInEveryLanguage")
  void aTranslationUsesTheSamePlaceholdersAsTheEnglishTemplate(String language, String name) throws IOException {
    String english = read("en", name);
    String translated = read(language, name);
    assertThat(placeholders(translated)).as("%s/%s.txt", language, name).isEqualTo(placeholders(english));
    assertThat(translated.split("\n", 3)[1]).as("%s/%s.txt: subject line, then a blank line", language, name)
        .isBlank();
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("everyTemplateInEveryLanguage")
  void everyTemplateRendersInEveryLanguage(String language, String name) throws Exception {
    Locale locale = Locale.forLanguageTag(language);
    Map<String, Object> model = sampleModel(locale);
    MailTemplates.MailTemplate template = templates.find(name, locale);
    assertThat(template.language()).isEqualTo(locale);

    RenderedMail rendered = template.render(model);

    assertThat(rendered.subject()).isNotBlank().doesNotContain("\n").doesNotContain("{{");
    assertThat(rendered.body()).isNotBlank().doesNotContain("{{").doesNotContain("}}").doesNotContain("null");
    assertThat(rendered.subject() + rendered.body()).contains("INV-42");
    // the amount and a date, written as the language writes them (1.250,00 € or 1 april 2026);
    // only the thank-you needs neither
    if (!name.equals("thank-you")) {
      assertThat(rendered.body()).containsAnyOf(euro("850.00", locale), euro("1250.00", locale),
          euro("425.00", locale));
      assertThat(rendered.body()).containsAnyOf((String) model.get("dueDate"), (String) model.get("payBy"),
        (String) model.get("today"), (String) model.get("issueDate"),
          (String) ((Map<?, ?>) model.get("instalment")).get("dueOn"));
    }
    boolean toCustomer = !name.equals("sales-rep-escalation") && !name.equals(DunningMail.INVOICE_COPY_TEMPLATE);
    if (toCustomer) {
      assertThat(rendered.body()).startsWith(PHRASES.get(language)[0] + "Åsa Öberg");
    }
    // the HTML version is well-formed and says the same
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(rendered.html().replace("<!DOCTYPE html>", "")
            .getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getAttribute("lang")).isEqualTo(language);
    assertThat(document.getDocumentElement().getTextContent()).contains("INV-42", "Northwind Supplies AB");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void remindersAreFriendlyGiveAShorterTermAndAllowForCrossedPayments(String language) {
    Locale locale = Locale.forLanguageTag(language);
    Map<String, Object> model = sampleModel(locale);
    for (String name : List.of("overdue-notice", "second-overdue-notice", "final-notice")) {
      String body = templates.find(name, locale).render(model).body();
      assertThat(body).as("%s/%s", language, name)
          .contains(PHRASES.get(language)[1])
          .contains((String) model.get("payBy"))
          .contains(euro("898.35", locale))
          .contains("SE45 5000 0000 0583 9825 7466")
          .contains("https://pay.northwind.example/i/INV-42");
    }
  }

  @Test
  void amountsAndDatesFollowTheLanguage() {
    String german = templates.find("overdue-notice", Locale.GERMAN).render(sampleModel(Locale.GERMAN)).body();
    assertThat(german).contains("850,00\u00a0€").contains("1. April 2026").contains("20. April 2026")
        .contains("10,15 %");
    String english = templates.find("overdue-notice", Locale.ENGLISH).render(sampleModel(Locale.ENGLISH)).body();
    assertThat(english).contains("Amount open:     €850.00").contains("April 1, 2026")
        .contains("thank you for the €400.00 already received")
        .contains("  - 10.15% a year (reference rate 2.15% + 8 points) on €850.00 from Apr 2, 2026 to Apr 13, 2026,"
            + " 12 of 365 days: €3.35")
        .contains("Fixed compensation for recovery costs")
        .contains("Reminder fee for reminder 2");
    Locale armenian = Locale.forLanguageTag("hy");
    String armenianBody = templates.find("overdue-notice", armenian).render(sampleModel(armenian)).body();
    assertThat(armenianBody).contains("850,00\u00a0€").contains("01 ապրիլի, 2026 թ.");
  }

  @Test
  void emptyValuesLeaveOutTheirLines() {
    Map<String, Object> model = sampleModel(Locale.ENGLISH);
    model.put("bic", "");
    model.put("payLink", "");
    String body = templates.find("invoice", Locale.ENGLISH).render(model).body();
    assertThat(body).contains("IBAN:            SE45").doesNotContain("BIC:").doesNotContain("online");

    model.put("iban", "");
    assertThat(templates.find("invoice", Locale.ENGLISH).render(model).body())
        .doesNotContain("IBAN").doesNotContain("bank transfer");
  }

  @Test
  void escalationListsWhatCollectionsHasDone() {
    RenderedMail rendered = templates.find("sales-rep-escalation", Locale.ENGLISH).render(sampleModel(Locale.ENGLISH));
    assertThat(rendered.subject()).isEqualTo("Öberg Verktyg AB: invoice INV-42 is 12 days overdue");
    assertThat(rendered.body()).contains("  - April 6, 2026: Mail \"Invoice INV-42 is past its due date\"");
  }

  @Test
  void namesAndNotesCannotBreakIntoTheHtml() {
    Map<String, Object> model = sampleModel(Locale.ENGLISH);
    model.put("contactName", "<script>alert('x')</script> & Co");
    model.put("contacts", List.of(Map.of("date", "April 6, 2026",
        "description", "Call: customer said <b>\"pay next week\"</b> <img src=x onerror=alert(1)>")));

    RenderedMail mail = templates.find("overdue-notice", Locale.ENGLISH).render(model);
    RenderedMail escalation = templates.find("sales-rep-escalation", Locale.ENGLISH).render(model);

    assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
    assertThat(escalation.html()).doesNotContain("<b>").doesNotContain("<img")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
    // the plain text keeps the name as written
    assertThat(mail.body()).startsWith("Dear <script>alert('x')</script> & Co,");
  }

  @Test
  void aLanguageWithoutTemplatesFallsBackToEnglish() {
    assertThat(templates.find("invoice", Locale.forLanguageTag("fi-FI")).language()).isEqualTo(Locale.ENGLISH);
    assertThat(templates.find("invoice", Locale.forLanguageTag("de-CH")).language()).isEqualTo(Locale.GERMAN);
    assertThat(MailTemplates.candidates(Locale.forLanguageTag("de-CH"))).containsExactly("de-CH", "de", "en");
  }

  @Test
  void theTemplatesCompile() {
    for (String language : MailTemplates.LANGUAGES) {
      for (String name : templateNames()) {
        assertThatCode(() -> templates.find(name, Locale.forLanguageTag(language)))
            .as("%s/%s", language, name).doesNotThrowAnyException();
      }
    }
  }

  private static final Pattern TAG = Pattern.compile("\\{\\{([#^/]?)\\s*([\\w.]+)\\s*}}");

  /** The placeholders and sections a template uses, e.g. {@code #charges}, {@code balance}. */
  private static Set<String> placeholders(String template) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = TAG.matcher(template);
    while (matcher.find()) {
      if (!matcher.group(1).equals("/")) {
        names.add(matcher.group(1) + matcher.group(2));
      }
    }
    return names;
  }

  private static String read(String language, String name) throws IOException {
    try (InputStream in = new ClassPathResource(MailTemplates.FOLDER + language + "/" + name + ".txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
