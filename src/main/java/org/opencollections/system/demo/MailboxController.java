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
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
      String body, boolean hasHtml, List<Map<String, Object>> attachments) {
  }

  /** The parts of a mail: its text, its HTML version, its attachments. */
  private static final class Parts {
    String text;
    Part html;
    final List<Part> attachments = new ArrayList<>();

    static Parts of(Part part) {
      Parts parts = new Parts();
      try {
        parts.collect(part);
      } catch (MessagingException e) {
        throw new IllegalStateException("Cannot read a caught mail", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return parts;
    }

    private void collect(Part part) throws MessagingException, IOException {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        attachments.add(part);
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          collect(multipart.getBodyPart(i));
        }
      } else if (part.isMimeType("text/plain") && text == null) {
        text = part.getContent().toString();
      } else if (part.isMimeType("text/html") && html == null) {
        html = part;
      }
    }
  }

  /** The HTML version of mail {@code number}, as a mail client would show it. */
  @GetMapping(value = "/mailbox/{number}/html", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@PathVariable int number) throws MessagingException, IOException {
    Parts parts = Parts.of(message(number));
    return parts.html == null ? ResponseEntity.notFound().build()
        : ResponseEntity.ok(parts.html.getContent().toString());
  }

  /** Attachment {@code index} (from 1) of mail {@code number}, such as the invoice copy PDF. */
  @GetMapping("/mailbox/{number}/attachments/{index}")
  ResponseEntity<byte[]> attachment(@PathVariable int number, @PathVariable int index)
      throws MessagingException, IOException {
    Parts parts = Parts.of(message(number));
    if (index < 1 || index > parts.attachments.size()) {
      return ResponseEntity.notFound().build();
    }
    Part attachment = parts.attachments.get(index - 1);
    try (var in = attachment.getInputStream()) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(attachment.getContentType().split(";")[0].strip()))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
              .filename(attachment.getFileName()).build().toString())
          .body(in.readAllBytes());
    }
  }

  private MimeMessage message(int number) {
    List<MimeMessage> messages = catcher.messages();
    int index = messages.size() - number;
    if (number < 1 || index < 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail " + number);
    }
    return messages.get(index);
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
    Parts parts = Parts.of(message);
    try {
      return new MailView(number, String.valueOf(message.getSentDate()),
          addresses(message.getFrom()), addresses(message.getRecipients(Message.RecipientType.TO)),
          addresses(message.getRecipients(Message.RecipientType.CC)), message.getSubject(),
          parts.text == null ? "(no plain text)" : parts.text, parts.html != null,
          attachmentLinks(number, parts));
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot read a caught mail", e);
    }
  }

  private static List<Map<String, Object>> attachmentLinks(int number, Parts parts) {
    List<Map<String, Object>> links = new ArrayList<>();
    for (int i = 0; i < parts.attachments.size(); i++) {
      try {
        links.add(Map.of("name", parts.attachments.get(i).getFileName(),
            "href", "/mailbox/" + number + "/attachments/" + (i + 1)));
      } catch (MessagingException e) {
        throw new IllegalStateException("Cannot read a caught mail", e);
      }
    }
    return links;
  }

  private static String addresses(Address[] addresses) {
    return addresses == null ? "" : Arrays.stream(addresses)
        .map(address -> address instanceof jakarta.mail.internet.InternetAddress internet
            ? internet.toUnicodeString() : address.toString())
        .collect(Collectors.joining(", "));
  }
}
