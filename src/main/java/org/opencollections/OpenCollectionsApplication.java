package org.opencollections;

import org.opencollections.intake.ImportInvoicesCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenCollectionsApplication {

  /** The server; or, with {@code import-invoices <file>}, an import of an invoice file that then ends. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(ImportInvoicesCommand.NAME)) {
      System.exit(ImportInvoicesCommand.run(OpenCollectionsApplication.class, args));
    }
    SpringApplication.run(OpenCollectionsApplication.class, args);
  }
}
