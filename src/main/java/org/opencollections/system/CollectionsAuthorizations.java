package org.opencollections.system;

import static org.opencollections.system.CollectionsGroups.AUDITORS;
import static org.opencollections.system.CollectionsGroups.CLERKS;
import static org.opencollections.system.CollectionsGroups.MANAGERS;
import static org.opencollections.system.CollectionsGroups.SALES_REPS;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each role may do in the engine, granted at start-up (authorization is on). Clerks and sales
 * reps see the tasks they are candidates for: the engine grants those itself. On top of that:
 *
 * <ul>
 *   <li>collection clerks and sales reps use Tasklist and read the diagrams of their tasks;</li>
 *   <li>collections managers use Tasklist and Cockpit, see and work every task, read every case
 *   and its history, start a credit hold change, and deploy processes, decisions and forms (from
 *   Camunda Modeler) without deleting any deployment;</li>
 *   <li>auditors use Cockpit and read every case, task and history, and change nothing.</li>
 * </ul>
 */
@Component
@Order(1)
public class CollectionsAuthorizations implements SmartInitializingSingleton {

  private record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
  }

  private static final List<Grant> GRANTS = List.of(
      new Grant(CLERKS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(SALES_REPS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),

      new Grant(CLERKS, Resources.PROCESS_DEFINITION, "invoiceCollection", ProcessDefinitionPermissions.READ),
      new Grant(CLERKS, Resources.PROCESS_DEFINITION, "customerCall", ProcessDefinitionPermissions.READ),
      new Grant(CLERKS, Resources.PROCESS_DEFINITION, "bankPaymentMatching", ProcessDefinitionPermissions.READ),
      new Grant(SALES_REPS, Resources.PROCESS_DEFINITION, "invoiceCollection", ProcessDefinitionPermissions.READ),
      // clerks and managers set up payment plans from Tasklist
      new Grant(CLERKS, Resources.PROCESS_DEFINITION, "paymentPlan", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE),
      new Grant(CLERKS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE),
      new Grant(MANAGERS, Resources.PROCESS_DEFINITION, "paymentPlan",
          ProcessDefinitionPermissions.CREATE_INSTANCE),

      new Grant(MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
      new Grant(MANAGERS, Resources.PROCESS_DEFINITION, "creditHoldChange",
          ProcessDefinitionPermissions.CREATE_INSTANCE),
      new Grant(MANAGERS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ,
          ProcessInstancePermissions.CREATE),
      new Grant(MANAGERS, Resources.TASK, "*", TaskPermissions.READ, TaskPermissions.UPDATE),
      // managers deploy from Camunda Modeler, and read deployments to deploy an earlier one again
      new Grant(MANAGERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ),

      new Grant(AUDITORS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY),
      new Grant(AUDITORS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ),
      new Grant(AUDITORS, Resources.TASK, "*", TaskPermissions.READ));

  /** Everyone in collections reads names of users and groups, which Tasklist and Cockpit show. */
  private static final List<String> COLLEAGUES = List.of(CLERKS, SALES_REPS, MANAGERS, AUDITORS);

  private final AuthorizationService authorizationService;

  CollectionsAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    GRANTS.forEach(grant -> grant(grant.group(), grant.resource(), grant.resourceId(), grant.permissions()));
    for (String group : COLLEAGUES) {
      grant(group, Resources.USER, "*", Permissions.READ);
      grant(group, Resources.GROUP, "*", Permissions.READ);
    }
  }

  /**
   * Takes back the {@code DELETE} the engine gives a user on the deployment they made, keeping
   * {@code READ}. Deleting a deployment "with its instances" would end the running cases on it and
   * erase their history; only administrators (whose group has every permission) may delete one.
   */
  public void withoutDeletion(String deploymentId) {
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .resourceType(Resources.DEPLOYMENT).resourceId(deploymentId)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).list()) {
      if (authorization.getUserId() != null && authorization.isPermissionGranted(Permissions.DELETE)) {
        authorization.removePermission(Permissions.DELETE);
        authorizationService.saveAuthorization(authorization);
      }
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating it if needed. */
  public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
