package org.opencollections.invoice;

import org.opencollections.dunning.ContactRules;

/** The patterns that incoming text is held to; names and notes may never carry line breaks into mail headers. */
final class Constraints {

  static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9._-]*";
  static final String IDENTIFIER_MESSAGE = "may contain only letters, digits, '.', '_' and '-'";
  static final String SINGLE_LINE = ContactRules.SINGLE_LINE;
  static final String SINGLE_LINE_MESSAGE = ContactRules.SINGLE_LINE_MESSAGE;
  static final String PHONE = ContactRules.PHONE;
  static final String PHONE_MESSAGE = ContactRules.PHONE_MESSAGE;
  static final String LANGUAGE_TAG = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*";
  static final String LANGUAGE_TAG_MESSAGE = "must be a language tag such as en or de-CH";

  private Constraints() {
  }
}
