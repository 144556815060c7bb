package org.opencollections.bank;

import java.util.List;

/**
 * A camt.053 file as read: its message and the statements in it (one per account and period).
 *
 * @param ignored entries that are not payments received nor returned: debits, entries not yet
 *     booked; counted, not kept
 */
record BankStatementFile(String version, String messageId, List<Statement> statements) {

  record Statement(String id, String account, List<StatementLine> lines, int ignored) {
  }

  int ignoredCount() {
    return statements.stream().mapToInt(Statement::ignored).sum();
  }
}
