package org.opencollections.mail;

/**
 * A template filled in: the first line became the subject, the rest the plain-text body; the HTML
 * is the same body laid out for mail clients (absent where only the text was asked for).
 */
public record RenderedMail(String subject, String body, String html) {
}
