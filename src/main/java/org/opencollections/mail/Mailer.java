package org.opencollections.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands mails to the SMTP server. A failure throws, so the engine retries the step. */
@Component
public class Mailer {

  private final JavaMailSender sender;
  private final MailProperties properties;

  Mailer(JavaMailSender sender, MailProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  public void send(OutgoingMail mail) {
    MimeMessage message = sender.createMimeMessage();
    try {
      boolean multipart = mail.html() != null || !mail.attachments().isEmpty();
      MimeMessageHelper helper = new MimeMessageHelper(message, multipart, StandardCharsets.UTF_8.name());
      helper.setFrom(new InternetAddress(properties.from(), properties.company().name(), "UTF-8"));
      helper.setTo(address(mail.to()));
      for (OutgoingMail.Address cc : mail.cc()) {
        helper.addCc(address(cc));
      }
      helper.setSubject(singleLine(mail.subject()));
      helper.setSentDate(new Date());
      if (mail.html() != null) {
        helper.setText(mail.body(), mail.html());
      } else {
        helper.setText(mail.body(), false);
      }
      for (OutgoingMail.Attachment attachment : mail.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Cannot prepare mail '" + mail.subject() + "'", e);
    }
    sender.send(message);
  }

  private static InternetAddress address(OutgoingMail.Address address)
      throws UnsupportedEncodingException {
    return new InternetAddress(address.email(), singleLine(address.name()), "UTF-8");
  }

  /** Input is checked at the API already; this keeps a header from ever spanning lines. */
  private static String singleLine(String text) {
    return text == null ? null : text.replaceAll("[\\r\\n]+", " ");
  }
}
