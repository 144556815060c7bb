package org.opencollections.system.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.opencollections.system.CollectionsGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One user per role for trying the product; the password is the user id. Demo profile only: no
 * other profile creates users with known passwords.
 */
@Component
@Profile("demo")
// the web application only: not a command such as import-invoices run with the demo profile
@ConditionalOnWebApplication
@Order(10)
class DemoUsers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  record DemoUser(String id, String firstName, String lastName, String email, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("clara", "Clara", "Clerk", "clara.clerk@example.com", CollectionsGroups.CLERKS),
      new DemoUser("sam", "Sam", "Sales", DemoData.SALES_REP_EMAIL, CollectionsGroups.SALES_REPS),
      new DemoUser("maria", "Maria", "Manager", DemoData.MANAGER_EMAIL, CollectionsGroups.MANAGERS),
      new DemoUser("max", "Max", "Manager", "max.manager@example.com", CollectionsGroups.MANAGERS),
      new DemoUser("aaron", "Aaron", "Auditor", "aaron.auditor@example.com", CollectionsGroups.AUDITORS),
      new DemoUser("billing", "Billing", "System", "billing@example.com", CollectionsGroups.BILLING_SYSTEMS));

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      user.setPassword(demo.id());
      identityService.saveUser(user);
      identityService.createMembership(demo.id(), demo.group());
      log.info("Demo user {} ({}) created, password '{}'", demo.id(), demo.group(), demo.id());
    }
  }
}
