package org.opencollections.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfDocumentsTest {

  private final PdfDocuments documents = new PdfDocuments();
  private final MailTemplates templates = new MailTemplates();

  private static Map<String, Object> frame(String language, List<String> postalAddress) {
    Map<String, Object> page = new HashMap<>();
    page.put("language", language);
    page.put("companyName", "Northwind Supplies AB");
    page.put("companyAddress", List.of("Sveavägen 1", "111 57 Stockholm"));
    page.put("companyPhone", "+46 8 555 010 00");
    page.put("iban", "SE45 5000 0000 0583 9825 7466");
    page.put("bic", "ESSESESS");
    page.put("customerName", "Öberg Verktyg AB");
    page.put("contactName", "Åsa Öberg <purchasing>");
    page.put("postalAddress", postalAddress);
    page.put("date", "13 April 2026");
    return page;
  }

  @Test
  void aLetterIsAnA4PdfWithTheAddressAndTheWholeText() throws Exception {
    RenderedMail letter = templates.find("second-overdue-notice", Locale.ENGLISH)
        .render(MailTemplatesTest.sampleModel(Locale.ENGLISH));

    byte[] pdf = documents.render(letter.subject(), letter.body(),
        frame("en", List.of("Industrigatan 5", "411 04 Göteborg", "Sweden")));

    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within());
      assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within());
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Second reminder: invoice INV-42 is 12 days overdue")
          .contains("Åsa Öberg <purchasing>")
          .contains("Industrigatan 5").contains("411 04 Göteborg")
          .contains("SE45 5000 0000 0583 9825 7466")
          .contains("If this reminder crossed with your payment, please disregard it");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Second reminder: invoice INV-42 is 12 days overdue");
    }
  }

  @Test
  void armenianTextKeepsItsLetters() throws Exception {
    Locale armenian = Locale.forLanguageTag("hy");
    RenderedMail copy = templates.find("invoice-copy", armenian).render(MailTemplatesTest.sampleModel(armenian));

    byte[] pdf = documents.render(copy.subject(), copy.body(), frame("hy", List.of("Աբովյան 10", "Երևան")));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("INV-42").contains("Աբովյան 10").contains("1 250,00 €".replace(' ', '\u00a0'));
    }
  }

  @Test
  void aLetterWithoutPostalAddressSaysSoInsteadOfAnEmptyWindow() throws Exception {
    byte[] pdf = documents.render("Invoice INV-42 is past its due date", "Dear Åsa Öberg,\n", frame("en", List.of()));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("No postal address on record");
    }
  }

  private static org.assertj.core.data.Offset<Float> within() {
    return org.assertj.core.data.Offset.offset(1f);
  }
}
