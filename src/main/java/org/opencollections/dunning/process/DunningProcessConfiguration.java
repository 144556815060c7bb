package org.opencollections.dunning.process;

import java.time.Clock;
import org.opencollections.dunning.DunningMail;
import org.opencollections.dunning.Schedule;
import org.opencollections.mail.DunningMails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the BPMN names: the schedule its timers read, and one delegate per mail. */
@Configuration
class DunningProcessConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DunningProcessConfiguration.class);

  @Bean
  Schedule schedule(ScheduleProperties properties, Clock clock) {
    if (properties.timelapse().enabled()) {
      log.warn("Timelapse: one schedule day lasts {}. Not for production.",
          properties.timelapse().dayLength());
      return Schedule.timelapse(clock, properties.zone(), properties.sendTime(),
          properties.timelapse().dayLength());
    }
    return Schedule.realTime(clock, properties.zone(), properties.sendTime());
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
  SendMailDelegate sendOverdueNoticeDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.OVERDUE_NOTICE, schedule);
  }

  @Bean
  SendMailDelegate sendSalesRepEscalationDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.SALES_REP_ESCALATION, schedule);
  }

  @Bean
  SendMailDelegate sendThankYouDelegate(DunningMails mails, Schedule schedule) {
    return new SendMailDelegate(mails, DunningMail.THANK_YOU, schedule);
  }
}
