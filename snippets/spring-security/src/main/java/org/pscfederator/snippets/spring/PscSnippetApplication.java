package org.pscfederator.snippets.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A relying service of Pro Santé Connect on Spring Security's OAuth2 client; its settings in application.properties. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PscSnippetApplication {

    public static void main(String[] args) {
        SpringApplication.run(PscSnippetApplication.class, args);
    }
}
