package org.opencollections.bank;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code collections.bank}: the folder statements are read from, if any (the bank's or a
 * transfer tool's drop folder), and how often it is looked at.
 */
@ConfigurationProperties("collections.bank")
public record StatementFolderProperties(Path statementFolder, Duration statementFolderPoll) {

  public StatementFolderProperties {
    if (statementFolderPoll == null) {
      statementFolderPoll = Duration.ofMinutes(1);
    }
  }
}
