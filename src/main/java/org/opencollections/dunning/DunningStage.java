package org.opencollections.dunning;

/** How far the collection of one invoice has come; shown to integrations and auditors. */
public enum DunningStage {
  REGISTERED,
  INVOICE_SENT,
  RECEIPT_CHECK_SENT,
  PRE_DUE_REMINDER_SENT,
  OVERDUE_NOTICE_SENT,
  CALL_DUE,
  PROMISED_TO_PAY,
  PROMISE_BROKEN,
  DISPUTED,
  PAYMENT_REPORTED,
  CUSTOMER_NOT_REACHED,
  SECOND_OVERDUE_NOTICE_SENT,
  ESCALATED_TO_SALES_REP,
  CREDIT_HOLD,
  SETTLED,
  CANCELLED
}
