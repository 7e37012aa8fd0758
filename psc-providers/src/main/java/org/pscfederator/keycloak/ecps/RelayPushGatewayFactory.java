package org.pscfederator.keycloak.ecps;

import java.net.URI;
import java.nio.file.Path;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.pscfederator.core.settings.EcpsSettings.PushChannel;

/**
 * The push relay, {@code pscEcpsPush=relay}, when the server is configured for one: {@code url} (https), the client
 * key and certificate for mutual TLS in {@code keystore} (PKCS#12, password {@code keystore-password}), and the
 * relay's CA in {@code truststore} (PKCS#12, same password), e.g.
 * {@code --spi-psc-push-gateway--relay--url=https://relay.example/push}. Without a URL it makes none, and a realm
 * that chose the relay fails to push, loudly.
 */
public class RelayPushGatewayFactory implements PushGatewayFactory {

    private PushGateway relay;

    @Override
    public PushGateway create(KeycloakSession session) {
        return relay;
    }

    @Override
    public void init(Config.Scope config) {
        String url = config.get("url");
        if (url == null || url.isBlank()) {
            return;
        }
        char[] password = config.get("keystore-password", "").toCharArray();
        relay = new RelayPushGateway(URI.create(url), MutualTls.context(Path.of(config.get("keystore")),
                Path.of(config.get("truststore")), password));
    }

    @Override
    public String getId() {
        return PushChannel.RELAY.id();
    }
}
