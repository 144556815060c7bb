package org.opencollections.intake;

import java.util.List;

/**
 * The file cannot be read as an invoice file from here on: no header, missing or unknown columns,
 * a quote that is not closed, bytes that are not UTF-8. The rows before it, if any, were read.
 */
public class InvoiceFileException extends RuntimeException {

  private final Long line;
  private final transient List<FieldProblem> problems;

  InvoiceFileException(Long line, String message, List<FieldProblem> problems) {
    super(line == null ? message : "Line " + line + ": " + message);
    this.line = line;
    this.problems = List.copyOf(problems);
  }

  InvoiceFileException(Long line, String message) {
    this(line, message, List.of());
  }

  /** The line of the file where reading stopped, if the problem has one. */
  public Long getLine() {
    return line;
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }
}
