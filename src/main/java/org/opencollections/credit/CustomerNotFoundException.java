package org.opencollections.credit;

public class CustomerNotFoundException extends RuntimeException {

  public CustomerNotFoundException(String customerId) {
    super("No customer with id " + customerId);
  }
}
