package org.pscfederator.keycloak.certificates;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.keycloak.http.HttpRequest;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.pscfederator.keycloak.logging.LoggedText;

/**
 * The client certificate of a request, from one source only, chosen by the configuration:
 * <ul>
 * <li>with {@code proxy-trusted-addresses}, Keycloak is behind a reverse proxy: the TLS peer is the proxy (whose own
 * certificate, with mutual TLS towards Keycloak, is not the user's), so the certificate is the one the proxy put in
 * its header (URL-encoded PEM, nginx's {@code $ssl_client_escaped_cert}), and only when Keycloak found the sender
 * among the trusted addresses <em>and</em> the sender proved itself in the TLS handshake with a certificate of
 * Keycloak's trust store ({@code --https-client-auth=required}, the proxy's certificate alone): an address is not
 * proof, any process on the proxy's machine has it. Any other header is ignored, and logged;</li>
 * <li>without trusted proxies, the one presented to Keycloak's own TLS listener; the header is never read.</li>
 * </ul>
 */
public final class ProxyCertificateLookup implements X509ClientCertificateLookup {

    private static final Logger LOG = Logger.getLogger(ProxyCertificateLookup.class);
    /** Set by Keycloak (Quarkus) on every request once proxy-trusted-addresses is configured. */
    static final String TRUSTED_PROXY_HEADER = "X-Forwarded-Trusted-Proxy";
    private static final int MAX_HEADER_LENGTH = 16 * 1024;

    private final Supplier<String> sender;
    private final String header;
    private final boolean proxiesConfigured;

    /** {@code sender}: the request's remote address, for the log of an ignored header. */
    ProxyCertificateLookup(Supplier<String> sender, String header, boolean proxiesConfigured) {
        this.sender = sender;
        this.header = header;
        this.proxiesConfigured = proxiesConfigured;
    }

    @Override
    public X509Certificate[] getCertificateChain(HttpRequest request) throws GeneralSecurityException {
        if (!proxiesConfigured) {
            X509Certificate[] direct = request.getClientCertificateChain();
            return direct == null || direct.length == 0 ? null : direct;
        }
        String value = request.getHttpHeaders().getHeaderString(header);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!fromTrustedProxy(proxiesConfigured, request.isProxyTrusted(),
                request.getHttpHeaders().getHeaderString(TRUSTED_PROXY_HEADER))) {
            LOG.warnf("ignored a %s header from %s, which is not a trusted proxy", header,
                    LoggedText.of(sender.get()));
            return null;
        }
        if (!overMutualTls(request.getClientCertificateChain())) {
            // Plain HTTP, or TLS without the proxy's certificate: whoever sent it, the header proves nothing.
            LOG.warnf("ignored a %s header from %s over a connection where the proxy presented no certificate:"
                    + " Keycloak must require the proxy's certificate (https-client-auth=required, HTTP off)", header,
                    LoggedText.of(sender.get()));
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

    /**
     * Whether the sender presented a certificate in the TLS handshake; Keycloak's TLS layer has checked it against its
     * trust store, which holds the proxy's certificate alone.
     */
    static boolean overMutualTls(X509Certificate[] peer) {
        return peer != null && peer.length > 0 && peer[0] != null;
    }

    @Override
    public void close() {
    }
}
