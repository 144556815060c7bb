package org.opencollections.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The groups the BPMN and the API refer to. Ids are letters and digits only, as Camunda's default
 * id pattern requires. They are created at start-up in every profile, so an
 * administrator only has to add users to them in Camunda Admin.
 */
@Component
public class CollectionsGroups implements SmartInitializingSingleton {

  public static final String CLERKS = "collectionClerks";
  public static final String SALES_REPS = "salesReps";
  public static final String MANAGERS = "collectionsManagers";
  public static final String AUDITORS = "auditors";
  public static final String BILLING_SYSTEMS = "billingSystems";
  /** Monitoring systems: read the metrics and the health details, nothing else. */
  public static final String MONITORING = "monitoring";
  /** Camunda's own administrators' group. */
  public static final String ADMINS = "camunda-admin";

  private static final Logger log = LoggerFactory.getLogger(CollectionsGroups.class);

  private record GroupDefinition(String id, String name) {
  }

  private static final List<GroupDefinition> GROUPS = List.of(
      new GroupDefinition(CLERKS, "Collection clerks"),
      new GroupDefinition(SALES_REPS, "Sales reps"),
      new GroupDefinition(MANAGERS, "Collections managers"),
      new GroupDefinition(AUDITORS, "Auditors"),
      new GroupDefinition(BILLING_SYSTEMS, "Billing systems"),
      new GroupDefinition(MONITORING, "Monitoring systems"),
      new GroupDefinition(ADMINS, "Camunda administrators"));

  private final IdentityService identityService;

  CollectionsGroups(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (GroupDefinition definition : GROUPS) {
      if (identityService.createGroupQuery().groupId(definition.id()).count() == 0) {
        Group group = identityService.newGroup(definition.id());
        group.setName(definition.name());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        log.info("Created group {}", definition.id());
      }
    }
  }
}
