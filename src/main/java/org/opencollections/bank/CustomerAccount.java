package org.opencollections.bank;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account a customer paid from, learnt from a clerk's choice: the next payment from it matches. */
@Entity
@Table(name = "customer_bank_account")
class CustomerAccount {

  @Id
  private String account;
  private String customerId;
  private Instant learntAt;
  private Long learntFrom;

  protected CustomerAccount() {
  }

  CustomerAccount(String account, String customerId, Instant learntAt, Long learntFrom) {
    this.account = account;
    this.customerId = customerId;
    this.learntAt = learntAt;
    this.learntFrom = learntFrom;
  }

  String getCustomerId() {
    return customerId;
  }
}
