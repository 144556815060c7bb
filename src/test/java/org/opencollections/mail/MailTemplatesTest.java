package org.opencollections.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencollections.dunning.DunningMail;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  static Map<String, Object> sampleModel() {
    Map<String, Object> model = new HashMap<>();
    model.put("contactName", "Åsa Öberg");
    model.put("customerName", "Öberg Verktyg AB");
    model.put("customerId", "C-42");
    model.put("contactEmail", "asa@oberg.example");
    model.put("contactPhone", "+46 8 123 45");
    model.put("invoiceNumber", "INV-42");
    model.put("paymentReference", "INV-42");
    model.put("issueDate", "March 2, 2026");
    model.put("dueDate", "April 1, 2026");
    model.put("payBy", "April 13, 2026");
    model.put("daysOverdue", 10L);
    model.put("amount", "€1,250.00");
    model.put("balance", "€850.00");
    model.put("partiallyPaid", true);
    model.put("paidAmount", "€400.00");
    model.put("companyName", "Northwind Supplies AB");
    model.put("companyPhone", "+46 8 555 010 00");
    model.put("iban", "SE45 5000 0000 0583 9825 7466");
    model.put("bic", "");
    model.put("contacts", List.of(Map.of("date", "April 6, 2026", "description", "Mail \"Invoice INV-42 is past its due date\"")));
    return model;
  }

  @ParameterizedTest
  @EnumSource(DunningMail.class)
  void everyMailRendersWithASubjectAndNoPlaceholderLeft(DunningMail mail) {
    RenderedMail rendered = templates.find(mail.template(), Locale.ENGLISH).render(sampleModel());

    assertThat(rendered.subject()).isNotBlank().doesNotContain("\n").doesNotContain("{{");
    assertThat(rendered.body()).doesNotContain("{{").doesNotContain("}}").isNotBlank();
    assertThat(rendered.subject() + rendered.body()).contains("INV-42");
  }

  @ParameterizedTest
  @EnumSource(value = DunningMail.class, names = "SALES_REP_ESCALATION", mode = EnumSource.Mode.EXCLUDE)
  void customerMailsAddressTheContactByName(DunningMail mail) {
    RenderedMail rendered = templates.find(mail.template(), Locale.ENGLISH).render(sampleModel());
    assertThat(rendered.body()).startsWith("Dear Åsa Öberg,");
  }

  @Test
  void overdueNoticeIsFriendlyGivesAShorterTermAndAllowsForCrossedPayments() {
    String body = templates.find("overdue-notice", Locale.ENGLISH).render(sampleModel()).body();
    assertThat(body)
        .contains("Perhaps it was overlooked")
        .contains("Amount open:     €850.00")
        .contains("thank you for the €400.00 already received")
        .contains("by April 13, 2026")
        .contains("If this reminder crossed with your payment, please disregard it");
  }

  @Test
  void emptyValuesLeaveOutTheirLines() {
    String body = templates.find("invoice", Locale.ENGLISH).render(sampleModel()).body();
    assertThat(body).contains("IBAN:            SE45").doesNotContain("BIC:");

    Map<String, Object> noBank = sampleModel();
    noBank.put("iban", "");
    assertThat(templates.find("invoice", Locale.ENGLISH).render(noBank).body())
        .doesNotContain("IBAN").doesNotContain("bank transfer");
  }

  @Test
  void escalationListsWhatCollectionsHasDone() {
    RenderedMail rendered = templates.find("sales-rep-escalation", Locale.ENGLISH).render(sampleModel());
    assertThat(rendered.subject()).isEqualTo("Öberg Verktyg AB: invoice INV-42 is 10 days overdue");
    assertThat(rendered.body()).contains("  - April 6, 2026: Mail \"Invoice INV-42 is past its due date\"");
  }

  @Test
  void aLanguageWithoutTemplatesFallsBackToEnglish() {
    assertThat(templates.find("invoice", Locale.forLanguageTag("hy-AM")).language())
        .isEqualTo(Locale.ENGLISH);
    assertThat(MailTemplates.candidates(Locale.forLanguageTag("de-CH")))
        .containsExactly("de-CH", "de", "en");
  }
}
