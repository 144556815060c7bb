package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Secrets come from files as Docker and Kubernetes mount them: one file per property, named like
 * the property, in {@code /run/secrets} or the folder {@code COLLECTIONS_SECRETS_DIR} names.
 */
class SecretsFromFilesIT extends IntegrationTest {

  private static final Path SECRETS = secrets();

  /** Set before the application starts: the folder is read while its configuration loads. */
  private static Path secrets() {
    try {
      Path folder = Files.createTempDirectory("secrets");
      // as mounted: the value, often with a trailing line break
      Files.writeString(folder.resolve("spring.mail.password"), "smtp-secret-from-a-file\n");
      System.setProperty("COLLECTIONS_SECRETS_DIR", folder.toString());
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired
  JavaMailSenderImpl mailSender;

  @Test
  void theSmtpPasswordIsReadFromItsFile() {
    assertThat(SECRETS.resolve("spring.mail.password")).exists();
    assertThat(mailSender.getPassword()).isEqualTo("smtp-secret-from-a-file");
  }
}
