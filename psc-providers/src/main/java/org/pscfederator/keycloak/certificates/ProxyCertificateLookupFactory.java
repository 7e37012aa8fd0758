package org.pscfederator.keycloak.certificates;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.keycloak.services.x509.X509ClientCertificateLookupFactory;

/**
 * {@code --spi-x509cert-lookup--provider=psc-proxy}: client certificates from a trusted reverse proxy's header
 * ({@code --spi-x509cert-lookup--psc-proxy--header}, default {@code ssl-client-cert}) when Keycloak runs with
 * {@code --proxy-headers xforwarded --proxy-trusted-addresses <the proxies>}, or else from Keycloak's own TLS
 * listener; never both ({@link ProxyCertificateLookup}).
 */
public class ProxyCertificateLookupFactory implements X509ClientCertificateLookupFactory {

    public static final String PROVIDER_ID = "psc-proxy";
    private static final Logger LOG = Logger.getLogger(ProxyCertificateLookupFactory.class);

    private String header = "ssl-client-cert";
    private boolean proxiesConfigured;

    @Override
    public X509ClientCertificateLookup create(KeycloakSession session) {
        return new ProxyCertificateLookup(() -> session.getContext().getConnection().getRemoteAddr(), header,
                proxiesConfigured);
    }

    @Override
    public void init(Config.Scope config) {
        header = config.get("header", header);
        String trusted = ConfigProvider.getConfig().getOptionalValue("kc.proxy-trusted-addresses", String.class)
                .orElse("");
        proxiesConfigured = !trusted.isBlank();
        if (proxiesConfigured) {
            LOG.infof("client certificates are read from the %s header of trusted proxies (%s) only, not from TLS, "
                    + "whose peer is the proxy", header, trusted);
        } else {
            LOG.warnf("proxy-trusted-addresses is not set: client certificates are read from TLS only, the %s header "
                    + "is ignored", header);
        }
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
