package org.opencollections.dunning.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.system.CollectionsGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the sales follow-up to the customer's own sales rep: the Camunda user with the rep's e-mail
 * address. Without such a user the task goes to the collections managers, and the log says why.
 */
@Component
public class AssignSalesRepListener implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(AssignSalesRepListener.class);

  private final CaseHistory history;
  private final IdentityService identityService;

  AssignSalesRepListener(CaseHistory history, IdentityService identityService) {
    this.history = history;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String invoiceNumber = (String) task.getVariable(ProcessVariables.INVOICE_NUMBER);
    String email = history.invoice(invoiceNumber).getCustomer().getSalesRepEmail();
    User rep = identityService.createUserQuery().userEmail(email).list().stream()
        .filter(user -> identityService.createGroupQuery().groupMember(user.getId())
            .groupId(CollectionsGroups.SALES_REPS).count() > 0)
        .findFirst().orElse(null);
    if (rep == null) {
      log.warn("Invoice {}: no sales rep user has the e-mail {}; the follow-up goes to the managers",
          invoiceNumber, email);
      task.addCandidateGroup(CollectionsGroups.MANAGERS);
      return;
    }
    task.addCandidateUser(rep.getId());
  }
}
