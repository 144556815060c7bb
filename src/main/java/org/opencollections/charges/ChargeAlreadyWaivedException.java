package org.opencollections.charges;

/** A charge is waived once; the first waiver and its reason stand. */
public class ChargeAlreadyWaivedException extends RuntimeException {

  public ChargeAlreadyWaivedException(String message) {
    super(message);
  }
}
