package org.opencollections.invoice;

/** The patterns that incoming text is held to; names and notes may never carry line breaks into mail headers. */
final class Constraints {

  static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9._-]*";
  static final String IDENTIFIER_MESSAGE = "may contain only letters, digits, '.', '_' and '-'";
  static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
  static final String SINGLE_LINE_MESSAGE = "must not contain line breaks or control characters";
  static final String PHONE = "\\+?[0-9 ()./-]{4,31}";
  static final String PHONE_MESSAGE = "must be a phone number: digits, spaces and + ( ) . / -";
  static final String LANGUAGE_TAG = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*";
  static final String LANGUAGE_TAG_MESSAGE = "must be a language tag such as en or de-CH";

  private Constraints() {
  }
}
