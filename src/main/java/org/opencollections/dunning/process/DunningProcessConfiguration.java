package org.opencollections.dunning.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.opencollections.dunning.BusinessCalendar;
import org.opencollections.dunning.CallPriority;
import org.opencollections.dunning.DunningMail;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.mail.DunningMails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;

/** The beans the BPMN names: the schedule its timers read, one delegate per mail and per call result. */
@Configuration
class DunningProcessConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DunningProcessConfiguration.class);

  @Bean
  Schedule schedule(ScheduleProperties properties, Clock clock) {
    // a holiday that is not a day stops start-up, naming it
    BusinessCalendar calendar = BusinessCalendar.of(properties.holidays());
    if (properties.timelapse().enabled()) {
      log.warn("Timelapse: one schedule day lasts {}. Not for production.",
          properties.timelapse().dayLength());
      return Schedule.timelapse(clock, properties.zone(), properties.sendTime(),
          properties.timelapse().dayLength()).withCalendar(calendar);
    }
    return Schedule.realTime(clock, properties.zone(), properties.sendTime()).withCalendar(calendar);
  }

  @Bean
  SendMailDelegate sendInvoiceDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.INVOICE, schedule);
  }

  @Bean
  SendMailDelegate sendReceiptCheckDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.RECEIPT_CHECK, schedule);
  }

  @Bean
  SendMailDelegate sendPreDueReminderDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.PRE_DUE_REMINDER, schedule);
  }

  @Bean
  SendMailDelegate sendSalesRepEscalationDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.SALES_REP_ESCALATION, schedule);
  }

  @Bean
  SendMailDelegate sendCreditHoldNoticeDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.CREDIT_HOLD_NOTICE, schedule);
  }

  @Bean
  PromiseMailDelegate confirmPromiseDelegate(DunningMails mails, Schedule schedule) {
    return new PromiseMailDelegate(mails, DunningMail.PROMISE_CONFIRMATION, schedule);
  }

  @Bean
  PromiseMailDelegate mailBrokenPromiseDelegate(DunningMails mails, Schedule schedule) {
    return new PromiseMailDelegate(mails, DunningMail.BROKEN_PROMISE, schedule);
  }

  @Bean
  SendMailDelegate sendThankYouDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.THANK_YOU, schedule);
  }

  /** Checks submitted forms in Tasklist ({@code /camunda/api/engine}) and the REST API. */
  @Bean
  FilterRegistrationBean<FormSubmissionFilter> formSubmissionFilter(List<FormCheck> checks,
      IdentityService identityService, AuthorizationService authorizationService,
      TaskService taskService, RepositoryService repositoryService, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new FormSubmissionFilter(checks, identityService,
        authorizationService, taskService, repositoryService, json));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // last: after the webapps' and the REST API's own authentication
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  @Bean
  DecideNextReminderDelegate decideNextReminderDelegate(DecisionService decisionService,
      CaseHistory history) {
    return new DecideNextReminderDelegate(decisionService, DecideNextReminderDelegate.factsFrom(history));
  }

  @Bean
  CallPriority callPriority(CallProperties properties) {
    return new CallPriority(properties.priorityUnits(), properties.defaultPriorityUnit());
  }

  @Bean
  TellInvoicesDelegate resumeDunningDelegate(CustomerCalls calls, CaseHistory history) {
    return new TellInvoicesDelegate(calls, CustomerCalls.Result.RESUME, history, null);
  }

  @Bean
  TellInvoicesDelegate escalateInvoicesDelegate(CustomerCalls calls, CaseHistory history) {
    return new TellInvoicesDelegate(calls, CustomerCalls.Result.ESCALATE, history, null);
  }

  @Bean
  TellInvoicesDelegate escalateNotCalledDelegate(CustomerCalls calls, CaseHistory history) {
    return new TellInvoicesDelegate(calls, CustomerCalls.Result.ESCALATE, history,
        "The call was not made within 3 days");
  }

  @Bean
  TellInvoicesDelegate escalateNotReachedDelegate(CustomerCalls calls, CaseHistory history) {
    return new TellInvoicesDelegate(calls, CustomerCalls.Result.NOT_REACHED, history,
        "The customer was not reached in the set number of calls");
  }
}
