package org.opencollections.mail;

/**
 * A mail could not be handed to the SMTP server, or it is not known whether it was. The step
 * fails; the engine retries it and, once the retries are used up, shows this message as an
 * incident in Cockpit.
 */
public class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
