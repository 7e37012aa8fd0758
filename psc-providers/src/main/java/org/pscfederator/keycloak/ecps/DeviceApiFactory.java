package org.pscfederator.keycloak.ecps;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.pscfederator.keycloak.directory.DirectoryUserStorageProviderFactory;

/** {@code /auth/realms/{realm}/psc-ecps}: the e-CPS device API. */
public class DeviceApiFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "psc-ecps";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new DeviceApi(session, devices(session));
    }

    /** The device store, on Keycloak's database once the directory's runner has migrated it. */
    public static DeviceStore devices(KeycloakSession session) {
        return new DeviceStore(DirectoryUserStorageProviderFactory.storeOf(session).dataSource());
    }

    /**
     * The push relay, when the server is configured for one: {@code push-relay-url} (https), the client key and
     * certificate for mutual TLS in {@code push-relay-keystore} (PKCS#12, password {@code push-relay-keystore-password}),
     * and the relay's CA in {@code push-relay-truststore} (PKCS#12, same password), e.g.
     * {@code --spi-realm-restapi-extension--psc-ecps--push-relay-url=https://relay.example/push}.
     */
    private static volatile PushGateway relay;

    static PushGateway relay(KeycloakSession session) {
        return relay;
    }

    @Override
    public void init(Config.Scope config) {
        String url = config.get("push-relay-url");
        if (url == null || url.isBlank()) {
            return;
        }
        char[] password = config.get("push-relay-keystore-password", "").toCharArray();
        relay = new RelayPushGateway(java.net.URI.create(url), MutualTls.context(
                java.nio.file.Path.of(config.get("push-relay-keystore")),
                java.nio.file.Path.of(config.get("push-relay-truststore")), password));
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
