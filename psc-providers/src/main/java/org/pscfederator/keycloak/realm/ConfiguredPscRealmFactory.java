package org.pscfederator.keycloak.realm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The PSC realm named by the server's operator, {@code --spi-psc-realm--configured--name} (default
 * {@value PscRealm#DEFAULT_NAME}). A server setting and not a realm attribute: a realm's own administrator must not
 * be able to declare their realm PSC's and so reach PSC's data.
 */
public class ConfiguredPscRealmFactory implements PscRealmFactory {

    public static final String PROVIDER_ID = "configured";
    static final String NAME_OPTION = "name";
    static final String AUTHORIZATION_ENDPOINT_OPTION = "authorization-endpoint";
    private static final Logger LOG = Logger.getLogger(ConfiguredPscRealmFactory.class);

    private PscRealm realm;

    @Override
    public PscRealm create(KeycloakSession session) {
        return realm;
    }

    @Override
    public void init(Config.Scope config) {
        String name = validName(config.get(NAME_OPTION, PscRealm.DEFAULT_NAME));
        Optional<String> authorizationEndpoint = validEndpoint(config.get(AUTHORIZATION_ENDPOINT_OPTION));
        realm = new Configured(name, authorizationEndpoint);
        LOG.infof("PSC's data (directory, e-CPS devices) is served in realm %s only", name);
        authorizationEndpoint.ifPresent(url -> LOG.infof("discovery of realm %s names %s as its authorization endpoint",
                name, url));
    }

    private record Configured(String name, Optional<String> authorizationEndpoint) implements PscRealm {
    }

    /** An absolute https URL without fragment; anything else stops the server rather than send browsers astray. */
    static Optional<String> validEndpoint(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return Optional.of(uri.toString());
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("spi-psc-realm--configured--" + AUTHORIZATION_ENDPOINT_OPTION
                + " must be an https URL without query or fragment, not '" + value.replaceAll("\\p{Cntrl}", "?") + "'");
    }

    /** A realm name as Keycloak accepts one; anything else stops the server rather than serve no realm silently. */
    static String validName(String value) {
        String name = value == null ? "" : value.strip();
        if (!name.matches("[A-Za-z0-9._-]{1,255}")) {
            throw new IllegalArgumentException("spi-psc-realm--configured--name must be a realm name (letters, digits,"
                    + " '.', '_', '-'), not '" + name.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return name;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
