package org.pscfederator.keycloak.realm;

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
    private static final Logger LOG = Logger.getLogger(ConfiguredPscRealmFactory.class);

    private PscRealm realm;

    @Override
    public PscRealm create(KeycloakSession session) {
        return realm;
    }

    @Override
    public void init(Config.Scope config) {
        String name = validName(config.get(NAME_OPTION, PscRealm.DEFAULT_NAME));
        realm = () -> name;
        LOG.infof("PSC's data (directory, e-CPS devices) is served in realm %s only", name);
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
