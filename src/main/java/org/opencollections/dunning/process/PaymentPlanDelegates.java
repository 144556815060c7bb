package org.opencollections.dunning.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.dunning.DunningMail;
import org.opencollections.mail.DunningMails;
import org.opencollections.plan.PaymentPlan;
import org.opencollections.plan.PlanInstalment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the payment plan process, one bean each, as processes/payment-plan.bpmn names them. */
@Configuration
class PaymentPlanDelegates {

  private static final Logger log = LoggerFactory.getLogger(PaymentPlanDelegates.class);

  @Bean
  JavaDelegate setUpPaymentPlanDelegate(PaymentPlanProcess plans) {
    return plans::setUp;
  }

  /** The instalment of this round of the plan: its number and the day it is due. */
  @Bean
  JavaDelegate lookUpInstalmentDelegate(PaymentPlanProcess plans) {
    return execution -> {
      int number = ((Number) execution.getVariable("loopCounter")).intValue() + 1;
      PlanInstalment instalment = plans.plan(execution).instalment(number);
      execution.setVariableLocal(PaymentPlanProcess.INSTALMENT_NUMBER, number);
      execution.setVariableLocal(PaymentPlanProcess.INSTALMENT_DUE_ON, instalment.getDueOn().toString());
    };
  }

  /** Reminds the customer of the instalment coming up, unless it is already paid. */
  @Bean
  JavaDelegate remindOfInstalmentDelegate(PaymentPlanProcess plans, DunningMails mails) {
    return execution -> {
      int number = ((Number) execution.getVariable(PaymentPlanProcess.INSTALMENT_NUMBER)).intValue();
      String invoiceNumber = (String) execution.getVariable(ProcessVariables.INVOICE_NUMBER);
      if (plans.keptThrough(execution, number)) {
        log.info("Invoice {}: instalment {} already paid, no reminder", invoiceNumber, number);
        return;
      }
      // once per plan and instalment: they key the mail in the outbox
      mails.send(invoiceNumber, DunningMail.INSTALMENT_REMINDER,
          new DunningMails.ReminderDetails(number, false, series(execution)));
    };
  }

  @Bean
  JavaDelegate confirmPaymentPlanDelegate(DunningMails mails) {
    return execution -> mails.send((String) execution.getVariable(ProcessVariables.INVOICE_NUMBER),
        DunningMail.PAYMENT_PLAN_CONFIRMATION, new DunningMails.ReminderDetails(0, false, series(execution)));
  }

  /** The plan's mails are counted per plan: an invoice may get a second plan after a missed one. */
  private static String series(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    return "plan" + execution.getVariable(PaymentPlanProcess.PLAN_ID);
  }

  @Bean
  JavaDelegate checkInstalmentDelegate(PaymentPlanProcess plans) {
    return execution -> {
      int number = ((Number) execution.getVariable(PaymentPlanProcess.INSTALMENT_NUMBER)).intValue();
      execution.setVariable(PaymentPlanProcess.INSTALMENT_PAID, plans.keptThrough(execution, number));
    };
  }

  @Bean
  JavaDelegate closeKeptPlanDelegate(PaymentPlanProcess plans) {
    return execution -> plans.end(execution, PaymentPlan.Status.KEPT, "Every instalment was paid");
  }

  @Bean
  JavaDelegate resumeRemindersDelegate(PaymentPlanProcess plans) {
    return execution -> plans.end(execution, PaymentPlan.Status.MISSED,
        "Instalment " + execution.getVariable(PaymentPlanProcess.INSTALMENT_NUMBER)
            + " was not paid; the reminders resume");
  }
}
