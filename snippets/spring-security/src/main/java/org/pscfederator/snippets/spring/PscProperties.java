package org.pscfederator.snippets.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where PSC is and who we are: {@code psc.issuer} (the realm's URL, the issuer of its tokens), {@code psc.client-id},
 * and {@code psc.ssl-bundle}, the Spring Boot SSL bundle holding the ORG AUTH_CLI certificate and the CAs to trust.
 */
@ConfigurationProperties("psc")
public record PscProperties(String issuer, String clientId, String sslBundle) {

    public PscProperties {
        if (issuer == null || clientId == null || sslBundle == null) {
            throw new IllegalArgumentException("psc.issuer, psc.client-id and psc.ssl-bundle are required");
        }
    }
}
