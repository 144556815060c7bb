package org.opencollections.dunning.process;

import java.math.BigDecimal;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.opencollections.dunning.Reminder;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.Invoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the dunning policy (the latest deployed version of processes/dunning-policy.dmn) which
 * reminder comes next for this invoice, given its customer's segment and the open amount now. A
 * table changed in Modeler and deployed takes effect at the next reminder of every running case.
 */
public class DecideNextReminderDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "dunningPolicy";

  private static final Logger log = LoggerFactory.getLogger(DecideNextReminderDelegate.class);

  /** What the policy table reads about an invoice: its customer's segment and the amount open. */
  public record PolicyFacts(String customerSegment, BigDecimal openAmount) {
  }

  private final DecisionService decisionService;
  private final Function<String, PolicyFacts> facts;

  /** @param facts the facts of an invoice, by invoice number, as they are now */
  public DecideNextReminderDelegate(DecisionService decisionService, Function<String, PolicyFacts> facts) {
    this.decisionService = decisionService;
    this.facts = facts;
  }

  /** The facts from the invoice's row: the segment may change, the amount shrinks with payments. */
  static Function<String, PolicyFacts> factsFrom(CaseHistory history) {
    return invoiceNumber -> {
      Invoice invoice = history.invoice(invoiceNumber);
      return new PolicyFacts(invoice.getCustomer().getSegment().policyName(), invoice.getBalance());
    };
  }

  @Override
  public void execute(DelegateExecution execution) {
    String invoiceNumber = (String) execution.getVariable(ProcessVariables.INVOICE_NUMBER);
    Object done = execution.getVariable(ProcessVariables.REMINDER_LEVEL);
    int next = (done instanceof Number n ? n.intValue() : 0) + 1;
    PolicyFacts invoice = facts.apply(invoiceNumber);
    String segment = invoice.customerSegment();
    // The table compares the amount with thresholds; money itself is never computed in double.
    DmnDecisionResultEntries row = decisionService.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables()
            .putValue("customerSegment", segment)
            .putValue("openAmount", invoice.openAmount().doubleValue())
            .putValue("reminderLevel", next))
        .evaluate()
        .getFirstResult();
    if (row == null) {
      execution.setVariable(ProcessVariables.REMINDER_DUE, false);
      log.info("Invoice {}: the dunning policy has no reminder {} for {} customers; reminders are over",
          invoiceNumber, next, segment);
      return;
    }
    Reminder reminder = Reminder.fromPolicy(next, row.getEntryMap());
    execution.setVariable(ProcessVariables.REMINDER_DUE, true);
    execution.setVariable(ProcessVariables.REMINDER_LEVEL, next);
    execution.setVariable(ProcessVariables.REMINDER_DAYS, reminder.daysOverdue());
    execution.setVariable(ProcessVariables.REMINDER_TONE, reminder.tone().name());
    execution.setVariable(ProcessVariables.REMINDER_BY_EMAIL, reminder.by(Reminder.Channel.EMAIL));
    execution.setVariable(ProcessVariables.REMINDER_BY_LETTER, reminder.by(Reminder.Channel.LETTER));
    execution.setVariable(ProcessVariables.REMINDER_BY_CALL, reminder.by(Reminder.Channel.CALL));
    execution.setVariable(ProcessVariables.REMINDER_OFFERS_PLAN, reminder.offersPlan());
    log.info("Invoice {}: reminder {} for {} customers at {} days overdue, {} by {}", invoiceNumber,
        next, segment, reminder.daysOverdue(), reminder.tone(), reminder.channels());
  }
}
