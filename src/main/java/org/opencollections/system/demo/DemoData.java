package org.opencollections.system.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.opencollections.dunning.DunningStage;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.Invoices;
import org.opencollections.invoice.NewInvoice;
import org.opencollections.invoice.NewPayment;
import org.opencollections.invoice.RecordingPayment;
import org.opencollections.invoice.RegisteringInvoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Invoices at every stage of the lifecycle, posted through the same use cases as the REST API.
 * Back-dated due dates let the process run its overdue timers at once, so a newcomer finds a call
 * about two invoices in Tasklist, an escalation, a credit hold, a partial and a full payment a
 * minute after start.
 */
@Component
@Profile("demo")
// the web application only: not a command such as import-invoices run with the demo profile
@ConditionalOnWebApplication
@Order(20)
class DemoData implements ApplicationRunner {

  static final String SALES_REP_EMAIL = "sam.sales@example.com";
  static final String MANAGER_EMAIL = "maria.manager@example.com";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final Duration PAYMENT_WAIT = Duration.ofMinutes(2);

  private record Demo(String invoiceNumber, NewInvoice.CustomerData customer, String amount,
      String currency, int issuedDaysAgo, int dueInDays) {
  }

  private static NewInvoice.CustomerData customer(String id, String name, String contact,
      String email, String phone, String locale, String... postalAddress) {
    return new NewInvoice.CustomerData(id, name, contact, email, phone, locale, SALES_REP_EMAIL,
        null, null, null, null, List.of(postalAddress));
  }

  /** A key account in Germany with standing terms: 2% off when paid within 10 days. */
  private static final NewInvoice.CustomerData NORDLICHT = new NewInvoice.CustomerData("C-1001",
      "Nordlicht Handel GmbH", "Anna Berg", "anna.berg@nordlicht.example", "+49 30 1234 5678", "de",
      SALES_REP_EMAIL, "key account", "DE", true,
      new NewInvoice.DiscountTerms(new BigDecimal("2"), 10),
      List.of("Speicherstraße 12", "20457 Hamburg", "Germany"));

  private static final NewInvoice.CustomerData BRIGHT_HARBOUR = customer("C-1007",
      "Bright Harbour Ltd", "James Carter", "james.carter@brightharbour.example", "+44 20 7946 0123",
      "en", "14 Harbour Street", "Bristol BS1 4RN", "United Kingdom");

  private static final NewInvoice.CustomerData HANSEN = customer("C-1004", "Hansen & Co ApS",
      "Mette Hansen", "mette.hansen@hansen.example", "+45 33 12 34 56", "da",
      "Havnegade 7", "1058 København K", "Denmark");

  private static final List<Demo> INVOICES = List.of(
      // just sent: waits for the receipt check
      new Demo("INV-2026-1001", NORDLICHT, "1250.00", "EUR", 0, 30),
      // due in three days: the pre-due reminder is next
      new Demo("INV-2026-1002", customer("C-1002", "Bianchi Forniture S.r.l.", "Marco Bianchi",
          "marco.bianchi@bianchi.example", "+39 02 1234 5678", "it", "Via Tortona 21",
          "20144 Milano MI", "Italy"), "3480.00", "EUR", 27, 3),
      // six days overdue: overdue notice sent, the call falls due tomorrow
      new Demo("INV-2026-1003", customer("C-1003", "Solberg Bygg AB", "Karin Solberg",
          "karin.solberg@solberg.example", "+46 8 123 456 78", "sv", "Hamngatan 4",
          "111 47 Stockholm", "Sweden"), "24900.00", "SEK", 36, -6),
      // eight days overdue: a call waits in Tasklist (with INV-2026-1009, same customer: one call)
      new Demo("INV-2026-1004", HANSEN, "8750.00", "DKK", 38, -8),
      // 17 days overdue, its call not made in time: escalated to the sales rep
      new Demo("INV-2026-1005", customer("C-1005", "Ararat Trading LLC", "Armen Petrosyan",
          "armen.petrosyan@ararat.example", "+374 10 123456", "hy", "Abovyan 10",
          "0001 Yerevan", "Armenia"), "850000.00", "AMD", 47, -17),
      // 35 days overdue, its call not made in time: escalated, and the customer on credit hold
      new Demo("INV-2026-1006", customer("C-1006", "Estudio Ruiz S.L.", "Lucía Ruiz",
          "lucia.ruiz@ruiz.example", "+34 91 123 45 67", "es", "Calle de Alcalá 45",
          "28014 Madrid", "Spain"), "5600.00", "EUR", 65, -35),
      // paid in full shortly after it was sent: thanked, case closed
      new Demo("INV-2026-1007", BRIGHT_HARBOUR, "990.00", "GBP", 10, 20),
      // three days overdue, partly paid: the overdue notice will ask for the rest
      new Demo("INV-2026-1008", BRIGHT_HARBOUR, "4000.00", "GBP", 33, -3),
      // a second invoice of Hansen & Co, nine days overdue: on the same call as INV-2026-1004
      new Demo("INV-2026-1009", HANSEN, "1200.00", "DKK", 39, -9));

  private final RegisteringInvoice registering;
  private final RecordingPayment recording;
  private final Invoices invoices;
  private final Schedule schedule;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;

  DemoData(RegisteringInvoice registering, RecordingPayment recording, Invoices invoices,
      Schedule schedule, ManagementService managementService, RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
    this.registering = registering;
    this.recording = recording;
    this.invoices = invoices;
    this.schedule = schedule;
    this.managementService = managementService;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (invoices.existsByInvoiceNumber(INVOICES.get(0).invoiceNumber())) {
      log.info("Demo invoices already loaded");
      return;
    }
    LocalDate today = schedule.today();
    // Overdue invoices count back from the last working day before today, so the steps they
    // have passed (which move off weekends) lie in the past whatever day the demo starts on.
    LocalDate lastWorkingDay = today.minusDays(1);
    while (!schedule.calendar().isWorkingDay(lastWorkingDay, null)) {
      lastWorkingDay = lastWorkingDay.minusDays(1);
    }
    for (Demo demo : INVOICES) {
      LocalDate anchor = demo.dueInDays() < 0 ? lastWorkingDay : today;
      LocalDate issued = anchor.minusDays(demo.issuedDaysAgo());
      registering.register(new NewInvoice(demo.invoiceNumber(), demo.customer(),
          new BigDecimal(demo.amount()), demo.currency(), issued, anchor.plusDays(demo.dueInDays())), "billing");
    }
    log.info("{} demo invoices registered; their cases run in the background", INVOICES.size());
    Thread firstDays = new Thread(this::playTheFirstDays, "demo-first-days");
    firstDays.setDaemon(true);
    firstDays.start();
  }

  /**
   * Plays what happens in the first days: the calls of the two oldest debts are not made in time,
   * so they go to the sales rep (and the oldest on credit hold); two customers pay.
   */
  private void playTheFirstDays() {
    for (String customerId : List.of("C-1005", "C-1006")) {
      notCalledInTime(customerId);
    }
    payDemoInvoices();
  }

  /** As if three days passed without a call: the call's timer falls due now. */
  private void notCalledInTime(String customerId) {
    long deadline = System.nanoTime() + PAYMENT_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Job timer = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(customerId)
          .processDefinitionKey("customerCall").list().stream()
          .map(call -> managementService.createJobQuery().processInstanceId(call.getId())
              .activityId("BoundaryTimer_NotCalledInTime").singleResult())
          .filter(Objects::nonNull).findFirst().orElse(null);
      if (timer != null) {
        managementService.setJobDuedate(timer.getId(), new Date());
        log.info("Demo: the call to {} counts as not made in time", customerId);
        return;
      }
      if (!pause()) {
        return;
      }
    }
  }

  /** Pays once the invoice mail went out, as a customer would; the thank-you mail follows. */
  private void payDemoInvoices() {
    LocalDate today = schedule.today();
    if (awaitStage("INV-2026-1008", stage -> stage != DunningStage.REGISTERED)) {
      pay("INV-2026-1008", "1500.00", "GBP", today, "DEMO-BANK-0001");
    }
    if (awaitStage("INV-2026-1007", stage -> stage != DunningStage.REGISTERED)) {
      pay("INV-2026-1007", "990.00", "GBP", today, "DEMO-BANK-0002");
    }
  }

  private boolean awaitStage(String invoiceNumber, Predicate<DunningStage> reached) {
    long deadline = System.nanoTime() + PAYMENT_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      var stage = invoices.findByInvoiceNumber(invoiceNumber).map(Invoice::getStage);
      if (stage.isPresent() && reached.test(stage.get())) {
        return true;
      }
      if (!pause()) {
        return false;
      }
    }
    log.warn("Demo invoice {} did not get its invoice mail within {}; no demo payment recorded",
        invoiceNumber, PAYMENT_WAIT);
    return false;
  }

  private static boolean pause() {
    try {
      Thread.sleep(500);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void pay(String invoiceNumber, String amount, String currency, LocalDate paidOn,
      String reference) {
    recording.record(new NewPayment(invoiceNumber, new BigDecimal(amount), currency, paidOn,
        reference), "demo-data");
  }
}
