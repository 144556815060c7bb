package org.opencollections.dunning.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencollections.dunning.PaymentPlanProposal;
import org.opencollections.dunning.Schedule;
import org.opencollections.plan.PaymentPlan;
import org.opencollections.plan.SettingUpPaymentPlans;
import org.springframework.stereotype.Component;

/**
 * The payment plan process ({@value #PROCESS_KEY}, started from Tasklist with the form "Set up a
 * payment plan"): checks the plan before it starts, pauses the invoice's reminders while it runs
 * and resumes them when an instalment is missed.
 */
@Component
public class PaymentPlanProcess implements FormCheck {

  public static final String PROCESS_KEY = "paymentPlan";
  public static final String MESSAGE_PLAN_ENDED = "PaymentPlanEnded";
  static final String PLAN_ID = "planId";
  static final String AGREED_BY = "planAgreedBy";
  static final String INSTALMENT_COUNT = PaymentPlanProposal.INSTALMENT_COUNT;
  static final String INSTALMENT_NUMBER = "instalmentNumber";
  static final String INSTALMENT_DUE_ON = "instalmentDueOn";
  static final String INSTALMENT_PAID = "instalmentPaid";

  private final SettingUpPaymentPlans plans;
  private final RuntimeService runtimeService;
  private final Schedule schedule;

  PaymentPlanProcess(SettingUpPaymentPlans plans, RuntimeService runtimeService, Schedule schedule) {
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.schedule = schedule;
  }

  @Override
  public Set<String> formsChecked() {
    return Set.of(PROCESS_KEY);
  }

  @Override
  public void check(Map<String, Object> form, Function<String, Object> caseVariables, String user) {
    plans.check(PaymentPlanProposal.of(form));
  }

  /** Stores the plan and pauses the invoice's reminders. */
  void setUp(DelegateExecution execution) {
    PaymentPlanProposal proposal = PaymentPlanProposal.of(execution.getVariables());
    String agreedBy = String.valueOf(execution.getVariable(AGREED_BY));
    PaymentPlan plan = plans.agree(proposal, agreedBy);
    execution.setVariable(PLAN_ID, plan.getId());
    execution.setVariable(INSTALMENT_COUNT, plan.getInstalments().size());
    execution.setVariable(ProcessVariables.COUNTRY, plan.getInvoice().getCustomer().getCountry());
    ProcessInstance invoiceCase = invoiceCase(proposal.invoiceNumber());
    if (invoiceCase != null) {
      runtimeService.setVariables(invoiceCase.getId(), Map.of(
          ProcessVariables.ON_PAYMENT_PLAN, true,
          ProcessVariables.PAUSED_ON, schedule.today().toString()));
    }
  }

  /** Ends the plan and lets the invoice's reminders go on (after a missed instalment). */
  void end(DelegateExecution execution, PaymentPlan.Status status, String note) {
    if (!(execution.getVariable(PLAN_ID) instanceof Number id)) {
      return; // paid in full before the plan was set up: there is no plan to close
    }
    long planId = id.longValue();
    plans.end(planId, status, note);
    String invoiceNumber = (String) execution.getVariable(ProcessVariables.INVOICE_NUMBER);
    ProcessInstance invoiceCase = invoiceCase(invoiceNumber);
    if (invoiceCase != null) {
      runtimeService.setVariable(invoiceCase.getId(), ProcessVariables.ON_PAYMENT_PLAN, false);
      runtimeService.createMessageCorrelation(MESSAGE_PLAN_ENDED)
          .processInstanceId(invoiceCase.getId())
          .correlateAll();
    }
  }

  boolean keptThrough(DelegateExecution execution, int number) {
    return plans.keptThrough(((Number) execution.getVariable(PLAN_ID)).longValue(), number);
  }

  PaymentPlan plan(DelegateExecution execution) {
    return plans.plan(((Number) execution.getVariable(PLAN_ID)).longValue());
  }

  private ProcessInstance invoiceCase(String invoiceNumber) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(InvoiceCollectionProcess.PROCESS_KEY)
        .processInstanceBusinessKey(invoiceNumber)
        .active()
        .singleResult();
  }
}
