package org.opencollections.system;

import static org.opencollections.system.CamundaIdentityAuthenticationProvider.GROUP_PREFIX;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may call what. Our API ({@code /api}) and the engine's REST API ({@code /engine-rest}) both
 * take HTTP basic credentials of Camunda users; the webapps (Tasklist, Cockpit, Admin) keep their
 * own login, and the audit and report pages ({@code /reports}) a sign-in form for the same
 * accounts. Nothing under {@code /api}, {@code /engine-rest} or {@code /reports} answers
 * anonymously. A command without a web server (import-invoices) has none of this.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

  /** Before the check of submitted forms: an anonymous caller learns nothing about a task. */
  static final int ENGINE_REST_AUTHENTICATION_ORDER = 0;

  /**
   * Post invoices, payments, invoice files and bank statements: the billing system, and managers
   * who correct by hand.
   */
  private static final String[] WRITERS = authorities(CollectionsGroups.BILLING_SYSTEMS,
      CollectionsGroups.MANAGERS, CollectionsGroups.ADMINS);
  /** Read cases and credit status: everyone who works with collections. */
  private static final String[] READERS = authorities(CollectionsGroups.BILLING_SYSTEMS,
      CollectionsGroups.MANAGERS, CollectionsGroups.ADMINS, CollectionsGroups.CLERKS,
      CollectionsGroups.SALES_REPS, CollectionsGroups.AUDITORS);

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/invoices", "/api/payments", "/api/invoices/import",
                "/api/statements").hasAnyAuthority(WRITERS)
            .requestMatchers(HttpMethod.POST, "/api/invoices/*/charges/*/waiver")
            .hasAnyAuthority(authorities(CollectionsGroups.MANAGERS, CollectionsGroups.ADMINS))
            .requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(READERS)
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.realmName("Open Collections"))
        // A stateless API with credentials on every request: no session, so no CSRF token either.
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /**
   * Spring Boot Actuator: health (status only) for anyone, as load balancers and orchestrators ask
   * without credentials; its details and the metrics for the monitoring group and administrators,
   * with HTTP basic.
   */
  @Bean
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(HttpMethod.GET, "/actuator/**")
            .hasAnyAuthority(authorities(CollectionsGroups.MONITORING, CollectionsGroups.ADMINS))
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.realmName("Open Collections"))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /** The audit and report pages: people, not systems. */
  private static final String[] PAGE_READERS = authorities(CollectionsGroups.MANAGERS,
      CollectionsGroups.ADMINS, CollectionsGroups.CLERKS, CollectionsGroups.SALES_REPS,
      CollectionsGroups.AUDITORS);

  /**
   * The audit and report pages under {@code /reports}: a sign-in form for the same Camunda
   * accounts (or the sign-in of Tasklist and Cockpit, when there is one), a session and CSRF
   * tokens on every form. Reading is for everyone who works with
   * collections; the only change the pages offer, waiving a late charge, is for managers.
   */
  @Bean
  SecurityFilterChain reportPagesSecurity(HttpSecurity http, IdentityService identityService)
      throws Exception {
    http.securityMatcher("/reports/**")
        .addFilterAfter(new WebappSignIn(identityService), SecurityContextHolderFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/reports/login", "/reports/assets/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/reports/invoices/*/charges/*/waiver")
            .hasAnyAuthority(authorities(CollectionsGroups.MANAGERS, CollectionsGroups.ADMINS))
            .requestMatchers(HttpMethod.GET, "/reports/**").hasAnyAuthority(PAGE_READERS)
            .anyRequest().denyAll())
        .formLogin(form -> form.loginPage("/reports/login").defaultSuccessUrl("/reports", false))
        .logout(logout -> logout.logoutUrl("/reports/logout").logoutSuccessUrl("/reports/login?signedOut"));
    return http.build();
  }

  @Bean
  AuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService) {
    return new CamundaIdentityAuthenticationProvider(identityService);
  }

  /** Camunda's REST API has no authentication of its own unless this filter is registered. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION_ORDER);
    return registration;
  }

  private static String[] authorities(String... groups) {
    String[] authorities = new String[groups.length];
    for (int i = 0; i < groups.length; i++) {
      authorities[i] = GROUP_PREFIX + groups[i];
    }
    return authorities;
  }
}
