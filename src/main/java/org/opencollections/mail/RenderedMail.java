package org.opencollections.mail;

/** A template filled in: the first line became the subject, the rest the body. */
public record RenderedMail(String subject, String body) {
}
