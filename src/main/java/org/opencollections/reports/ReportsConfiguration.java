package org.opencollections.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReportsConfiguration {

  @Bean
  BehaviourChangeRule behaviourChangeRule(BehaviourChangeProperties properties) {
    return new BehaviourChangeRule(properties.minDays(), properties.minPercent(),
        properties.minInvoices());
  }
}
