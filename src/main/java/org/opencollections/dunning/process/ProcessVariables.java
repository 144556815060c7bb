package org.opencollections.dunning.process;

/** Names of the variables of the invoice collection process, as the BPMN and forms use them. */
public final class ProcessVariables {

  /** The invoice's number; also the business key of its case. */
  public static final String INVOICE_NUMBER = "invoiceNumber";
  public static final String CUSTOMER_ID = "customerId";
  /** ISO date (YYYY-MM-DD) the timers count from. */
  public static final String DUE_DATE = "dueDate";
  /** ISO date the invoice mail went out; the receipt check counts from it. */
  public static final String INVOICE_SENT_ON = "invoiceSentOn";

  public static final String CALL_OUTCOME = "callOutcome";
  public static final String PROMISED_DATE = "promisedDate";
  public static final String CALL_NOTE = "callNote";

  public static final String DISPUTE_RESOLUTION = "disputeResolution";
  public static final String DISPUTE_NOTE = "disputeNote";

  public static final String SALES_OUTCOME = "salesOutcome";
  public static final String EXPECTED_PAYMENT_DATE = "expectedPaymentDate";
  public static final String SALES_NOTE = "salesNote";

  /** Task-local variables a task form shows: the case at the moment the task was created. */
  public static final class Sheet {
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String AMOUNT = "amountText";
    public static final String BALANCE = "balanceText";
    public static final String DUE_DATE = "dueDateText";
    public static final String DAYS_OVERDUE = "daysOverdue";
    public static final String CONTACT_HISTORY = "contactHistory";

    private Sheet() {
    }
  }

  private ProcessVariables() {
  }
}
