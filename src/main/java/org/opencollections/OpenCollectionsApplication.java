package org.opencollections;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenCollectionsApplication {

  public static void main(String[] args) {
    SpringApplication.run(OpenCollectionsApplication.class, args);
  }
}
