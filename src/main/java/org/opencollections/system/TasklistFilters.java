package org.opencollections.system;

import static org.opencollections.system.CollectionsGroups.CLERKS;
import static org.opencollections.system.CollectionsGroups.MANAGERS;
import static org.opencollections.system.CollectionsGroups.SALES_REPS;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters clerks and sales reps work from, created at start-up and shared with their
 * groups. Each is sorted by priority (see CallPriority), then by due date.
 */
@Component
@Order(2)
public class TasklistFilters implements SmartInitializingSingleton {

  public static final String CALLS_DUE_TODAY = "Calls due today";
  public static final String MY_CLAIMED_CALLS = "My claimed calls";
  public static final String BROKEN_PROMISES = "Broken promises";
  public static final String MY_ESCALATIONS = "My escalations";
  public static final String PAYMENTS_TO_MATCH = "Payments to match";
  public static final String ALL_TASKS = "All tasks";

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  private record Definition(String name, String description, int position, List<String> groups,
      TaskQuery query) {
  }

  private final FilterService filterService;
  private final TaskService taskService;
  private final CollectionsAuthorizations authorizations;

  TasklistFilters(FilterService filterService, TaskService taskService,
      CollectionsAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  private List<Definition> definitions() {
    return List.of(
        // a call is to be made from its follow-up date on (the day it fell due); due the next morning
        new Definition(CALLS_DUE_TODAY, "Customers to call today, most urgent first", -30,
            List.of(CLERKS, MANAGERS), sorted(taskService.createTaskQuery()
                .taskDefinitionKey("Task_CallCustomer")
                .followUpBeforeOrNotExistentExpression(
                    "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}"))),
        new Definition(MY_CLAIMED_CALLS, "Calls, reported payments and broken promises I claimed", -20,
            List.of(CLERKS, MANAGERS), sorted(taskService.createTaskQuery()
                .processDefinitionKey("customerCall")
                .taskAssigneeExpression("${currentUser()}"))),
        new Definition(BROKEN_PROMISES, "Customers who did not pay as promised", -10,
            List.of(CLERKS, MANAGERS), sorted(taskService.createTaskQuery()
                .taskDefinitionKey("Task_FollowUpBrokenPromise"))),
        new Definition(PAYMENTS_TO_MATCH, "Bank payments that did not match an invoice by themselves", -5,
            List.of(CLERKS, MANAGERS), sorted(taskService.createTaskQuery()
                .taskDefinitionKey("Task_MatchPayment"))),
        new Definition(MY_ESCALATIONS, "Overdue invoices of my customers", -25,
            List.of(SALES_REPS, MANAGERS), sorted(taskService.createTaskQuery()
                .taskDefinitionKey("Task_SalesFollowUp")
                .taskCandidateUserExpression("${currentUser()}")
                .includeAssignedTasks())));
  }

  private static TaskQuery sorted(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (Definition definition : definitions()) {
      Filter filter = find(definition.name());
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name())
            .setQuery(definition.query())
            .setProperties(Map.of("description", definition.description(),
                "priority", definition.position(), "refresh", true));
        filterService.saveFilter(filter);
        log.info("Created Tasklist filter '{}'", definition.name());
      }
      for (String group : definition.groups()) {
        authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
    Filter all = find(ALL_TASKS);
    if (all != null) {
      for (String group : List.of(CLERKS, SALES_REPS, MANAGERS)) {
        authorizations.grant(group, Resources.FILTER, all.getId(), Permissions.READ);
      }
    }
  }

  private Filter find(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult();
  }
}
