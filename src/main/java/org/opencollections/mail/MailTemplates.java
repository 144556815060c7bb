package org.opencollections.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Mail templates as plain files: {@code templates/mail/<language>/<name>.txt}. The first line is
 * the subject, the body starts after the blank line that follows. Placeholders are Mustache
 * ({@code {{contactName}}}). A customer's language falls back from {@code de-CH} to {@code de} to
 * English. Each mail goes out as plain text and as HTML: the HTML is the same text laid out by
 * {@link MailMarkup} inside {@code templates/mail/layout.html}.
 */
@Component
public class MailTemplates {

  static final String FOLDER = "templates/mail/";
  static final String LAYOUT = FOLDER + "layout.html";
  private static final String FALLBACK = "en";

  /** The languages every template is written in; a missing one fails the build (MailTemplatesTest). */
  public static final List<String> LANGUAGES = List.of("en", "de", "sv", "da", "it", "es", "hy");
  private static final Template MISSING = Mustache.compiler().compile("");

  private final Mustache.Compiler compiler = Mustache.compiler()
      .escapeHTML(false)
      .emptyStringIsFalse(true)
      .zeroIsFalse(true);
  private final Map<String, Template> cache = new ConcurrentHashMap<>();
  private final Template layout = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true)
      .compile(read(LAYOUT));

  /** A template found for a name and a customer's locale, in the language it is written in. */
  public record MailTemplate(String name, Locale language, Template template, Template layout) {

    /**
     * Fills in the template; dates and amounts in the model should follow {@link #language()}.
     * Values are put in as they are: the text version needs no escaping, the HTML version escapes
     * all of it.
     */
    public RenderedMail render(Map<String, Object> model) {
      RenderedMail text = split(name, template.execute(model));
      Map<String, Object> page = new HashMap<>();
      page.put("language", language.toLanguageTag());
      page.put("subject", text.subject());
      page.put("companyName", model.getOrDefault("companyName", ""));
      page.put("companyPhone", model.getOrDefault("companyPhone", ""));
      page.put("content", MailMarkup.toHtml(text.body()));
      return new RenderedMail(text.subject(), text.body(), layout.execute(page));
    }
  }

  /** The template in the customer's language, else its base language, else English. */
  public MailTemplate find(String name, Locale locale) {
    for (String language : candidates(locale)) {
      String path = FOLDER + language + "/" + name + ".txt";
      Template template = cache.computeIfAbsent(path, this::compile);
      if (template != MISSING) {
        return new MailTemplate(name, Locale.forLanguageTag(language), template, layout);
      }
    }
    throw new IllegalStateException("No mail template " + name + " in " + FOLDER + FALLBACK);
  }

  private static RenderedMail split(String name, String rendered) {
    String text = rendered.replace("\r\n", "\n");
    int endOfSubject = text.indexOf('\n');
    if (endOfSubject < 0) {
      throw new IllegalStateException("Mail template " + name + " has no body after its subject line");
    }
    String subject = text.substring(0, endOfSubject).strip();
    String body = text.substring(endOfSubject + 1).stripLeading();
    return new RenderedMail(subject, body, null);
  }

  static List<String> candidates(Locale locale) {
    List<String> tags = new ArrayList<>();
    if (locale != null && !locale.getLanguage().isEmpty()) {
      if (!locale.getCountry().isEmpty()) {
        tags.add(locale.getLanguage() + "-" + locale.getCountry());
      }
      tags.add(locale.getLanguage());
    }
    tags.add(FALLBACK);
    return tags;
  }

  /** Whether a template is written in the language itself (no fallback). */
  public boolean exists(String name, String language) {
    return new ClassPathResource(FOLDER + language + "/" + name + ".txt").exists();
  }

  private Template compile(String path) {
    ClassPathResource resource = new ClassPathResource(path);
    return resource.exists() ? compiler.compile(read(path)) : MISSING;
  }

  private static String read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mail template " + path, e);
    }
  }
}
