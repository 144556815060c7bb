package org.opencollections.system.demo;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The demo mailbox: every mail the product sent, as the recipients would read it. */
@RestController
@ConditionalOnProperty("collections.demo.mail-catcher.enabled")
class MailboxController {

  private final MailCatcher catcher;
  private final Template page;

  MailboxController(MailCatcher catcher) throws IOException {
    this.catcher = catcher;
    try (var reader = new InputStreamReader(
        new ClassPathResource("templates/mailbox.html").getInputStream(), StandardCharsets.UTF_8)) {
      this.page = Mustache.compiler().emptyStringIsFalse(true).compile(reader);
    }
  }

  record MailView(int number, String sent, String from, String to, String cc, String subject,
      String body) {
  }

  @GetMapping(value = "/mailbox", produces = MediaType.TEXT_HTML_VALUE)
  String mailbox() {
    List<MimeMessage> messages = catcher.messages();
    List<MailView> mails = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      mails.add(view(messages.size() - i, messages.get(i)));
    }
    return page.execute(Map.of("mails", mails, "count", mails.size()));
  }

  private static MailView view(int number, MimeMessage message) {
    try {
      return new MailView(number, String.valueOf(message.getSentDate()),
          addresses(message.getFrom()), addresses(message.getRecipients(Message.RecipientType.TO)),
          addresses(message.getRecipients(Message.RecipientType.CC)), message.getSubject(),
          text(message));
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot read a caught mail", e);
    }
  }

  private static String addresses(Address[] addresses) {
    return addresses == null ? "" : Arrays.stream(addresses)
        .map(address -> address instanceof jakarta.mail.internet.InternetAddress internet
            ? internet.toUnicodeString() : address.toString())
        .collect(Collectors.joining(", "));
  }

  private static String text(Part part) throws MessagingException {
    try {
      Object content = part.getContent();
      if (content instanceof String text) {
        return text;
      }
      if (content instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          Part child = multipart.getBodyPart(i);
          if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
            return text(child);
          }
        }
      }
      return "(" + part.getContentType() + ")";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
