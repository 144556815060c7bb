package org.opencollections.dunning.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opencollections.dunning.CallPriority;
import org.opencollections.dunning.CallReport;
import org.opencollections.dunning.DunningRules;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.InvoiceCase;
import org.opencollections.invoice.InvoiceCases;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sheet a clerk works from: the customer, the contact, every invoice the call covers with its
 * amounts and days overdue, and everything done so far. Set as task variables for the forms.
 */
@Component
public class CallSheets {

  private final CustomerCalls calls;
  private final InvoiceCases cases;
  private final Schedule schedule;
  private final CallPriority priority;
  private final ObjectMapper json;

  CallSheets(CustomerCalls calls, InvoiceCases cases, Schedule schedule, CallPriority priority,
      ObjectMapper json) {
    this.calls = calls;
    this.cases = cases;
    this.schedule = schedule;
    this.priority = priority;
    this.json = json;
  }

  /** A call sheet: task-local variables and the task's priority. */
  public record Sheet(Map<String, Object> variables, int priority, List<String> invoiceNumbers) {
  }

  /** The sheet of a customer's call, covering the invoices that wait for it now. */
  @Transactional(readOnly = true)
  public Sheet forCustomer(String customerId) {
    List<InvoiceCase> invoices = calls.invoicesInCall(customerId).stream().map(cases::find).toList();
    return sheet(invoices);
  }

  /** The sheet of one invoice, for the tasks about a single invoice (dispute, sales follow-up). */
  @Transactional(readOnly = true)
  public Sheet forInvoice(String invoiceNumber) {
    return sheet(List.of(cases.find(invoiceNumber)));
  }

  /** The open balance of the invoices, or null when they are in different currencies. */
  @Transactional(readOnly = true)
  public BigDecimal openBalance(List<String> invoiceNumbers) {
    List<InvoiceCase> invoices = invoiceNumbers.stream().map(cases::find).toList();
    if (invoices.stream().map(InvoiceCase::currency).distinct().count() != 1) {
      return null;
    }
    return invoices.stream().map(InvoiceCase::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private Sheet sheet(List<InvoiceCase> invoices) {
    Map<String, Object> variables = new LinkedHashMap<>();
    LocalDate today = schedule.today();
    List<String> numbers = invoices.stream().map(InvoiceCase::invoiceNumber).toList();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, String>> choices = new ArrayList<>();
    Map<String, BigDecimal> outstanding = new TreeMap<>();
    long maxDaysOverdue = 0;
    for (InvoiceCase invoice : invoices) {
      long daysOverdue = DunningRules.daysOverdue(invoice.dueDate(), today);
      maxDaysOverdue = Math.max(maxDaysOverdue, daysOverdue);
      outstanding.merge(invoice.currency(), invoice.balance(), BigDecimal::add);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("invoice", invoice.invoiceNumber());
      row.put("amount", money(invoice.amount(), invoice.currency()));
      row.put("open", money(invoice.balance(), invoice.currency()));
      row.put("due", invoice.dueDate().toString());
      row.put("daysOverdue", daysOverdue);
      rows.add(row);
      choices.add(Map.of("label", invoice.invoiceNumber() + " (" + money(invoice.balance(),
          invoice.currency()) + " open)", "value", invoice.invoiceNumber()));
    }
    if (!invoices.isEmpty()) {
      var customer = invoices.get(0).customer();
      variables.put(ProcessVariables.Sheet.CUSTOMER_NAME, customer.name());
      variables.put(ProcessVariables.Sheet.CONTACT_NAME, customer.contactName());
      variables.put(ProcessVariables.Sheet.CONTACT_PHONE, customer.phone());
      variables.put(ProcessVariables.Sheet.CONTACT_EMAIL, customer.email());
      InvoiceCase first = invoices.get(0);
      variables.put(ProcessVariables.Sheet.AMOUNT, money(first.amount(), first.currency()));
      variables.put(ProcessVariables.Sheet.BALANCE, money(first.balance(), first.currency()));
      variables.put(ProcessVariables.Sheet.DUE_DATE, first.dueDate().toString());
    }
    variables.put(ProcessVariables.Sheet.DAYS_OVERDUE, maxDaysOverdue);
    variables.put(ProcessVariables.Sheet.TOTAL_OPEN, String.join(" + ",
        outstanding.entrySet().stream().map(e -> money(e.getValue(), e.getKey())).toList()));
    variables.put(ProcessVariables.Sheet.OPEN_INVOICES, TaskForms.json(json, rows));
    variables.put(ProcessVariables.Sheet.INVOICE_CHOICES, TaskForms.json(json, choices));
    variables.put(ProcessVariables.CALL_INVOICES, TaskForms.json(json, numbers));
    variables.put(CallReport.DISPUTED_INVOICES, TaskForms.json(json, numbers));
    variables.put(ProcessVariables.Sheet.CONTACT_HISTORY, TaskForms.json(json, history(invoices)));
    return new Sheet(variables, priority.of(maxDaysOverdue, outstanding), numbers);
  }

  /** Every contact about the invoices, oldest first; a call about several invoices shows once. */
  private List<Map<String, String>> history(List<InvoiceCase> invoices) {
    Set<String> seen = new LinkedHashSet<>();
    List<Map<String, String>> rows = new ArrayList<>();
    invoices.stream()
        .flatMap(invoice -> invoice.contacts().stream())
        .sorted(Comparator.comparing(InvoiceCase.ContactView::at))
        .forEach(contact -> {
          String date = schedule.dayOf(contact.at()).toString();
          if (seen.add(date + contact.summary())) {
            rows.add(Map.of("date", date, "what", contact.summary()));
          }
        });
    return rows;
  }

  private static String money(BigDecimal amount, String currency) {
    return currency + " " + amount.toPlainString();
  }
}
