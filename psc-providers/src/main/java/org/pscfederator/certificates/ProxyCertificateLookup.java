package org.pscfederator.certificates;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.jboss.logging.Logger;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.pscfederator.logging.LoggedText;

/**
 * The client certificate of a request: the one presented to Keycloak's own TLS listener, or else the one a trusted
 * reverse proxy put in its header (URL-encoded PEM, nginx's {@code $ssl_client_escaped_cert}). The header is taken
 * only when Keycloak found the request's sender among {@code proxy-trusted-addresses}; anybody else's header is
 * ignored, and logged.
 */
public final class ProxyCertificateLookup implements X509ClientCertificateLookup {

    private static final Logger LOG = Logger.getLogger(ProxyCertificateLookup.class);
    /** Set by Keycloak (Quarkus) on every request once proxy-trusted-addresses is configured. */
    static final String TRUSTED_PROXY_HEADER = "X-Forwarded-Trusted-Proxy";
    private static final int MAX_HEADER_LENGTH = 16 * 1024;

    private final KeycloakSession session;
    private final String header;
    private final boolean proxiesConfigured;

    ProxyCertificateLookup(KeycloakSession session, String header, boolean proxiesConfigured) {
        this.session = session;
        this.header = header;
        this.proxiesConfigured = proxiesConfigured;
    }

    @Override
    public X509Certificate[] getCertificateChain(HttpRequest request) throws GeneralSecurityException {
        X509Certificate[] direct = request.getClientCertificateChain();
        if (direct != null && direct.length > 0) {
            return direct;
        }
        String value = request.getHttpHeaders().getHeaderString(header);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!fromTrustedProxy(proxiesConfigured, request.isProxyTrusted(),
                request.getHttpHeaders().getHeaderString(TRUSTED_PROXY_HEADER))) {
            LOG.warnf("ignored a %s header from %s, which is not a trusted proxy", header,
                    LoggedText.of(session.getContext().getConnection().getRemoteAddr()));
            return null;
        }
        if (value.length() > MAX_HEADER_LENGTH) {
            throw new CertificateException("the " + header + " header is too long");
        }
        String pem = URLDecoder.decode(value, StandardCharsets.US_ASCII);
        try {
            return new X509Certificate[] {(X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))};
        } catch (CertificateException | ClassCastException e) {
            throw new CertificateException("the " + header + " header holds no readable certificate", e);
        }
    }

    /**
     * Whether a certificate header may be believed: only when trusted proxies are configured (without them Keycloak
     * calls every sender trusted), and Keycloak marked this request as coming from one.
     */
    static boolean fromTrustedProxy(boolean proxiesConfigured, boolean proxyTrusted, String trustedProxyHeader) {
        return proxiesConfigured && proxyTrusted && "true".equalsIgnoreCase(trustedProxyHeader);
    }

    @Override
    public void close() {
    }
}
