package org.opencollections.intake;

import java.util.List;

/**
 * What an import did with a file: how many rows it read, imported, found already registered
 * (unchanged) and rejected, and every problem of every rejected row.
 *
 * @param file the file's name, as uploaded or given on the command line
 * @param rows the rows read, the header and blank rows not counted
 * @param imported invoices registered, each with its case
 * @param unchanged rows whose invoice was already registered with the same terms: nothing changed
 * @param rejected rows not imported, each listed in {@code errors}
 * @param complete whether the whole file was read; false when reading stopped part-way
 * @param stop where and why reading stopped, when it did; the rows before it were handled
 * @param errors one entry per problem of each rejected row, in the order of the file
 */
public record ImportReport(String file, long rows, long imported, long unchanged, long rejected,
    boolean complete, Stop stop, List<RowError> errors) {

  /** A problem of a rejected row; {@code field} is its column, null for the row as a whole. */
  public record RowError(long line, String invoiceNumber, String field, String message) {
  }

  /** The line where the file could not be read on, and why. */
  public record Stop(Long line, String message) {
  }

  /** Every row was imported or already registered, and the whole file was read. */
  public boolean allImported() {
    return complete && rejected == 0;
  }
}
