package org.opencollections.system;

import org.opencollections.system.DatabaseSettingsCheck.DatabaseNotConfiguredException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an incomplete PostgreSQL connection ({@link DatabaseSettingsCheck}) the way Spring Boot
 * reports a broken configuration: what is missing and what to do, without a stack trace.
 */
class DatabaseSettingsFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
    String missing = String.join(", ", cause.missing());
    return new FailureAnalysis(
        "The PostgreSQL connection is not configured. Missing: " + missing + ".",
        "Set " + missing + " in the environment, for example\n"
            + "\tSPRING_DATASOURCE_URL=jdbc:postgresql://db.example.com:5432/collections\n"
            + "\tSPRING_DATASOURCE_USERNAME=collections\n"
            + "\tSPRING_DATASOURCE_PASSWORD=<the database user's password>\n"
            + "If the server asks for no password (trust, peer or certificate authentication), set"
            + " COLLECTIONS_DATABASE_PASSWORDREQUIRED=false instead of a password. See docs/operations.md.",
        cause);
  }
}
