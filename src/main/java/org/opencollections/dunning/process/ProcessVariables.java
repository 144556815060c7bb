package org.opencollections.dunning.process;

/** Names of the variables of the invoice collection process, as the BPMN and forms use them. */
public final class ProcessVariables {

  /** The invoice's number; also the business key of its case. */
  public static final String INVOICE_NUMBER = "invoiceNumber";
  public static final String CUSTOMER_ID = "customerId";
  /** ISO date (YYYY-MM-DD) the timers count from. */
  public static final String DUE_DATE = "dueDate";
  /** ISO 3166 code of the customer's country: timers skip its public holidays. */
  public static final String COUNTRY = "country";

  // the reminders the dunning policy (processes/dunning-policy.dmn) decides, one after the other
  /** The number of the reminder decided on or done: 1 for the first after the due date. */
  public static final String REMINDER_LEVEL = "reminderLevel";
  /** Whether the policy has another reminder; false: the invoice goes to the sales rep. */
  public static final String REMINDER_DUE = "reminderDue";
  /** Days after the due date the reminder is due. */
  public static final String REMINDER_DAYS = "reminderDays";
  /** friendly, firm or final. */
  public static final String REMINDER_TONE = "reminderTone";
  public static final String REMINDER_BY_EMAIL = "reminderByEmail";
  public static final String REMINDER_BY_LETTER = "reminderByLetter";
  public static final String REMINDER_BY_CALL = "reminderByCall";
  public static final String REMINDER_OFFERS_PLAN = "reminderOffersPlan";
  /** Set while a payment plan runs: the reminders wait for it. */
  public static final String ON_PAYMENT_PLAN = "onPaymentPlan";
  /** ISO date dunning paused for a payment plan; the clock moves on by the days it lasted. */
  public static final String PAUSED_ON = "pausedOn";

  /** ISO date the invoice mail went out; the receipt check counts from it. */
  public static final String INVOICE_SENT_ON = "invoiceSentOn";

  /** Set on an invoice case by its customer's call: RESUME, ESCALATE, NOT_REACHED, DISPUTED. */
  public static final String CALL_RESULT = "callResult";
  /** ISO date an invoice went into dispute; the dunning clock moves by the days it lasted. */
  public static final String DISPUTED_ON = "disputedOn";

  // the customer call
  public static final String CALL_ATTEMPTS = "callAttempts";
  public static final String MAX_CALL_ATTEMPTS = "maxCallAttempts";
  public static final String CALL_TAKEN_BY = "callTakenBy";
  public static final String CALL_INVOICES = "callInvoices";
  public static final String PROMISED_INVOICES = "promisedInvoices";
  public static final String PROMISE_MADE_AT = "promiseMadeAt";
  public static final String PROMISE_KEPT = "promiseKept";
  public static final String INVOICES_LEFT_IN_CALL = "invoicesLeftInCall";
  public static final String FOLLOW_UP_NOTE = "followUpNote";

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
    public static final String TOTAL_OPEN = "totalOpenText";
    /** The call's invoices as a table: number, amount, balance, due date, days overdue. */
    public static final String OPEN_INVOICES = "openInvoices";
    /** The call's invoices as choices for the disputed-invoices checklist. */
    public static final String INVOICE_CHOICES = "invoiceChoices";

    private Sheet() {
    }
  }

  private ProcessVariables() {
  }
}
