package org.opencollections.dunning.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.opencollections.dunning.DunningRules;
import org.opencollections.dunning.DunningStage;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.InvoiceCase;
import org.opencollections.invoice.InvoiceCases;
import org.springframework.stereotype.Component;

/**
 * When a person's task is created, puts the case on it as task variables for its form: customer,
 * contact, amounts, days overdue and every contact made so far. The call task also marks the
 * invoice as due for a call.
 */
@Component
public class PrepareCaseSheetListener implements TaskListener {

  static final String CALL_TASK = "Task_CallCustomer";

  private final InvoiceCases cases;
  private final CaseHistory history;
  private final Schedule schedule;
  private final ObjectMapper json;

  PrepareCaseSheetListener(InvoiceCases cases, CaseHistory history, Schedule schedule,
      ObjectMapper json) {
    this.cases = cases;
    this.history = history;
    this.schedule = schedule;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String invoiceNumber = (String) task.getVariable(ProcessVariables.INVOICE_NUMBER);
    if (CALL_TASK.equals(task.getTaskDefinitionKey())) {
      history.reach(invoiceNumber, DunningStage.CALL_DUE);
    }
    InvoiceCase invoiceCase = cases.find(invoiceNumber);
    var customer = invoiceCase.customer();
    task.setVariableLocal(ProcessVariables.Sheet.CUSTOMER_NAME, customer.name());
    task.setVariableLocal(ProcessVariables.Sheet.CONTACT_NAME, customer.contactName());
    task.setVariableLocal(ProcessVariables.Sheet.CONTACT_PHONE, customer.phone());
    task.setVariableLocal(ProcessVariables.Sheet.CONTACT_EMAIL, customer.email());
    task.setVariableLocal(ProcessVariables.Sheet.AMOUNT,
        invoiceCase.currency() + " " + invoiceCase.amount().toPlainString());
    task.setVariableLocal(ProcessVariables.Sheet.BALANCE,
        invoiceCase.currency() + " " + invoiceCase.balance().toPlainString());
    task.setVariableLocal(ProcessVariables.Sheet.DUE_DATE, invoiceCase.dueDate().toString());
    task.setVariableLocal(ProcessVariables.Sheet.DAYS_OVERDUE,
        DunningRules.daysOverdue(invoiceCase.dueDate(), schedule.today()));
    task.setVariableLocal(ProcessVariables.Sheet.CONTACT_HISTORY,
        SpinValues.jsonValue(toJson(contactRows(invoiceCase))).create());
  }

  private List<Map<String, String>> contactRows(InvoiceCase invoiceCase) {
    DateTimeFormatter format = DateTimeFormatter.ISO_LOCAL_DATE;
    return invoiceCase.contacts().stream().map(contact -> {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("date", format.format(schedule.dayOf(contact.at())));
      row.put("what", contact.summary());
      return row;
    }).toList();
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the contact history as JSON", e);
    }
  }
}
