package org.pscfederator.keycloak.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.TestPki;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/** Where the client certificate of a request comes from: the trusted proxy's header, or Keycloak's TLS, never both. */
class ProxyCertificateLookupTest {

    private static final String HEADER = "ssl-client-cert";

    @TempDir
    static Path folder;
    private static X509Certificate card;
    private static X509Certificate proxy;

    @BeforeAll
    static void certificates() {
        TestPki pki = TestPki.createOrOpen(folder.resolve("pki"));
        card = pki.issueCard(CardRequest.of("899700366240")).certificate();
        proxy = pki.issueClient(ClientRequest.of("the-proxy")).certificate();
    }

    /** With mutual TLS towards Keycloak, the TLS peer is the proxy: its certificate is not the user's. */
    @Test
    void behindTrustedProxiesTheCertificateIsTheHeadersNotTheTlsPeers() throws Exception {
        X509Certificate[] chain = lookup(true).getCertificateChain(
                request(new X509Certificate[] {proxy}, true, Map.of(HEADER, escapedPem(card),
                        ProxyCertificateLookup.TRUSTED_PROXY_HEADER, "true")));

        assertThat(chain).containsExactly(card);
    }

    @Test
    void behindTrustedProxiesNoHeaderIsNoCertificateWhateverTheTlsPeer() throws Exception {
        assertThat(lookup(true).getCertificateChain(request(new X509Certificate[] {proxy}, true,
                Map.of(ProxyCertificateLookup.TRUSTED_PROXY_HEADER, "true")))).isNull();
    }

    @Test
    void behindTrustedProxiesAHeaderFromAnotherSenderIsIgnored() throws Exception {
        assertThat(lookup(true).getCertificateChain(request(null, false, Map.of(HEADER, escapedPem(card),
                ProxyCertificateLookup.TRUSTED_PROXY_HEADER, "false")))).isNull();
    }

    /** A trusted address is not proof: over plain HTTP, or TLS without the proxy's certificate, the header is ignored. */
    @Test
    void behindTrustedProxiesAHeaderOverAConnectionWithoutTheProxysCertificateIsIgnored() throws Exception {
        assertThat(lookup(true).getCertificateChain(request(null, true, Map.of(HEADER, escapedPem(card),
                ProxyCertificateLookup.TRUSTED_PROXY_HEADER, "true")))).isNull();
        assertThat(lookup(true).getCertificateChain(request(new X509Certificate[0], true, Map.of(HEADER,
                escapedPem(card), ProxyCertificateLookup.TRUSTED_PROXY_HEADER, "true")))).isNull();
    }

    @Test
    void withoutTrustedProxiesTheCertificateIsKeycloaksOwnTlsPeer() throws Exception {
        X509Certificate[] chain = lookup(false).getCertificateChain(request(new X509Certificate[] {card}, true,
                Map.of(HEADER, escapedPem(proxy), ProxyCertificateLookup.TRUSTED_PROXY_HEADER, "true")));

        assertThat(chain).containsExactly(card);
    }

    /** Without proxy-trusted-addresses Keycloak calls every sender trusted, and a client can send the marker itself. */
    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() throws Exception {
        assertThat(lookup(false).getCertificateChain(request(null, true, Map.of(HEADER, escapedPem(card),
                ProxyCertificateLookup.TRUSTED_PROXY_HEADER, "true")))).isNull();
        assertThat(ProxyCertificateLookup.fromTrustedProxy(false, true, "true")).isFalse();
    }

    @Test
    void headerIsBelievedOnlyFromATrustedProxy() {
        assertThat(ProxyCertificateLookup.fromTrustedProxy(true, true, "true")).isTrue();
        assertThat(ProxyCertificateLookup.fromTrustedProxy(true, false, "false")).isFalse();
    }

    @Test
    void missingMarkerIsNotTrust() {
        assertThat(ProxyCertificateLookup.fromTrustedProxy(true, true, null)).isFalse();
        assertThat(ProxyCertificateLookup.fromTrustedProxy(true, true, "yes")).isFalse();
    }

    private static ProxyCertificateLookup lookup(boolean proxiesConfigured) {
        return new ProxyCertificateLookup(() -> "192.0.2.1", HEADER, proxiesConfigured);
    }

    private static String escapedPem(X509Certificate certificate) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return URLEncoder.encode(pem, StandardCharsets.US_ASCII);
    }

    private static HttpRequest request(X509Certificate[] tlsChain, boolean proxyTrusted, Map<String, String> headers) {
        HttpHeaders httpHeaders = (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (self, method, args) -> {
                    if (method.getName().equals("getHeaderString")) {
                        return headers.entrySet().stream()
                                .filter(entry -> entry.getKey().equalsIgnoreCase((String) args[0]))
                                .map(Map.Entry::getValue).findFirst().orElse(null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new HttpRequest() {
            @Override
            public String getHttpMethod() {
                return "GET";
            }

            @Override
            public MultivaluedMap<String, String> getDecodedFormParameters() {
                throw new UnsupportedOperationException();
            }

            @Override
            public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
                throw new UnsupportedOperationException();
            }

            @Override
            public HttpHeaders getHttpHeaders() {
                return httpHeaders;
            }

            @Override
            public X509Certificate[] getClientCertificateChain() {
                return tlsChain;
            }

            @Override
            public UriInfo getUri() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isProxyTrusted() {
                return proxyTrusted;
            }
        };
    }
}
