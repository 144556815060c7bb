package org.opencollections.system.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server inside the demo application (GreenMail on localhost), so every mail the
 * product sends goes over SMTP and can be read on the mailbox page.
 */
@Component
@ConditionalOnProperty("collections.demo.mail-catcher.enabled")
public class MailCatcher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

  private final GreenMail server;

  MailCatcher(@Value("${collections.demo.mail-catcher.port}") int port) {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    log.info("Mail catcher listening for SMTP on 127.0.0.1:{}; read the mails at /mailbox", port);
  }

  /**
   * Every mail received since the application started, newest first. The server keeps a copy per
   * recipient; the page shows each mail once.
   */
  public List<MimeMessage> messages() {
    Map<String, MimeMessage> unique = new LinkedHashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      unique.putIfAbsent(messageId(message), message);
    }
    List<MimeMessage> messages = new ArrayList<>(unique.values());
    Collections.reverse(messages);
    return messages;
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      return String.valueOf(System.identityHashCode(message));
    }
  }

  @Override
  public void destroy() {
    server.stop();
  }
}
