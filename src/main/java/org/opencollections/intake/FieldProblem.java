package org.opencollections.intake;

/** One thing wrong in an invoice file: the column it is about (null for none) and why. */
public record FieldProblem(String field, String message) {
}
