package org.opencollections.invoice;

import java.math.BigDecimal;

/** A request that carries an amount in a currency. */
interface MoneyAmount {

  BigDecimal amount();

  String currency();
}
