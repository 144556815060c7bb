package org.opencollections.dunning;

/** What a contact's name, phone and e-mail must look like, wherever they are entered. */
public final class ContactRules {

  public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
  public static final String SINGLE_LINE_MESSAGE = "must not contain line breaks or control characters";
  public static final String PHONE = "\\+?[0-9 ()./-]{4,31}";
  public static final String PHONE_MESSAGE = "must be a phone number: digits, spaces and + ( ) . / -";
  static final String EMAIL = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";

  private ContactRules() {
  }
}
