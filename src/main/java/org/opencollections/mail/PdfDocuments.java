package org.opencollections.mail;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Lays out letters and invoice copies as print-ready A4 PDFs: the text of a template (the same
 * markup as the mails, see {@link MailMarkup}) in {@code templates/documents/letter.html}, the
 * address placed for a window envelope, fonts embedded (DejaVu Sans, which covers Armenian too).
 */
@Component
public class PdfDocuments {

  static final String LETTER = "templates/documents/letter.html";
  private static final String FONT_FAMILY = "DejaVu Sans";

  private final Template letter = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true)
      .compile(read(LETTER));

  /**
   * A letter or document with the given subject and body text, addressed as {@code page} says.
   *
   * @param page the letter's frame: companyName, companyAddress (lines), companyPhone, iban, bic,
   *     customerName, contactName, postalAddress (lines), date, language
   */
  public byte[] render(String subject, String bodyText, Map<String, Object> page) {
    Map<String, Object> model = new java.util.HashMap<>(page);
    model.put("subject", subject);
    model.put("content", MailMarkup.toHtml(bodyText));
    model.putIfAbsent("missingAddress", "No postal address on record: add it before posting.");
    String xhtml = letter.execute(model);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(() -> open("fonts/DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> open("fonts/DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lay out the PDF '" + subject + "'", e);
    }
  }

  private static InputStream open(String path) {
    try {
      return new ClassPathResource(path).getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  private static String read(String path) {
    try (InputStream in = open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
