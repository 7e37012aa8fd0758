package org.pscfederator.sandbox;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS front's trust for client certificates: any certificate is let through the handshake, as nginx's
 * {@code ssl_verify_client optional_no_ca} does, so that the login itself checks it (path, dates, policy, CRL) and
 * can refuse an expired, revoked or forged card with a French page instead of a TLS error. The front never trusts a
 * server with it. The CAs it names are only the hint browsers use to choose a card.
 */
final class AnyClientCertificate extends X509ExtendedTrustManager {

    private final X509Certificate[] hintedIssuers;

    AnyClientCertificate(List<X509Certificate> hintedIssuers) {
        this.hintedIssuers = hintedIssuers.toArray(X509Certificate[]::new);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Checked by the login, which refuses with a reason; see the class comment.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("the TLS front trusts no server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("the TLS front trusts no server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("the TLS front trusts no server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return hintedIssuers.clone();
    }
}
