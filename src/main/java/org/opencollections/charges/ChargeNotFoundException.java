package org.opencollections.charges;

/** The invoice has no charge with this id. */
public class ChargeNotFoundException extends RuntimeException {

  public ChargeNotFoundException(String invoiceNumber, long chargeId) {
    super("Invoice " + invoiceNumber + " has no charge " + chargeId);
  }
}
