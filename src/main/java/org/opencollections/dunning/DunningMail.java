package org.opencollections.dunning;

/** The mails of the collection lifecycle, each with its template and the stage it marks. */
public enum DunningMail {
  INVOICE("invoice", DunningStage.INVOICE_SENT, Addressee.CUSTOMER),
  RECEIPT_CHECK("receipt-check", DunningStage.RECEIPT_CHECK_SENT, Addressee.CUSTOMER),
  PRE_DUE_REMINDER("pre-due-reminder", DunningStage.PRE_DUE_REMINDER_SENT, Addressee.CUSTOMER),
  OVERDUE_NOTICE("overdue-notice", DunningStage.OVERDUE_NOTICE_SENT, Addressee.CUSTOMER),
  SECOND_OVERDUE_NOTICE("second-overdue-notice", DunningStage.SECOND_OVERDUE_NOTICE_SENT,
      Addressee.CUSTOMER),
  FINAL_NOTICE("final-notice", DunningStage.FINAL_NOTICE_SENT, Addressee.CUSTOMER),
  PROMISE_CONFIRMATION("promise-confirmation", DunningStage.PROMISED_TO_PAY, Addressee.CUSTOMER),
  BROKEN_PROMISE("broken-promise", DunningStage.PROMISE_BROKEN, Addressee.CUSTOMER),
  PAYMENT_PLAN_CONFIRMATION("payment-plan-confirmation", DunningStage.PAYMENT_PLAN, Addressee.CUSTOMER),
  INSTALMENT_REMINDER("instalment-reminder", DunningStage.PAYMENT_PLAN, Addressee.CUSTOMER),
  SALES_REP_ESCALATION("sales-rep-escalation", DunningStage.ESCALATED_TO_SALES_REP, Addressee.SALES_REP),
  CREDIT_HOLD_NOTICE("credit-hold-notice", DunningStage.CREDIT_HOLD, Addressee.CUSTOMER),
  THANK_YOU("thank-you", DunningStage.SETTLED, Addressee.CUSTOMER);

  /** The template of the PDF copy of the invoice attached to overdue and escalation mails. */
  public static final String INVOICE_COPY_TEMPLATE = "invoice-copy";

  /** Who a mail goes to. */
  public enum Addressee { CUSTOMER, SALES_REP }

  private final String template;
  private final DunningStage stage;
  private final Addressee addressee;

  DunningMail(String template, DunningStage stage, Addressee addressee) {
    this.template = template;
    this.stage = stage;
    this.addressee = addressee;
  }

  /** The template's file name, without language and extension. */
  public String template() {
    return template;
  }

  /** The stage the invoice has reached once this mail went out. */
  public DunningStage stage() {
    return stage;
  }

  public Addressee addressee() {
    return addressee;
  }

  /**
   * Overdue and escalation mails carry a PDF copy of the invoice (seed: escalate with the invoice
   * copy attached), so nobody has to search for it before paying or following up.
   */
  public boolean attachesInvoiceCopy() {
    return switch (this) {
      case OVERDUE_NOTICE, SECOND_OVERDUE_NOTICE, FINAL_NOTICE, BROKEN_PROMISE, SALES_REP_ESCALATION,
          CREDIT_HOLD_NOTICE -> true;
      default -> false;
    };
  }

  /** A courtesy mail (before the due date) is only worth sending while the invoice is not yet due. */
  public boolean isCourtesy() {
    return this == RECEIPT_CHECK || this == PRE_DUE_REMINDER;
  }
}
