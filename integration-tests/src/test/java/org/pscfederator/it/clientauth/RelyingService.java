package org.pscfederator.it.clientauth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLSocketFactory;

import org.pscfederator.it.harness.SandboxServer;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * A relying service as a vendor writes one with Nimbus OAuth 2.0 SDK: its client id, the TLS it speaks (with its ORG
 * certificate, another certificate, or none) and how it authenticates at the token, introspection, revocation and PAR
 * endpoints ({@code tls_client_auth}, or a client secret). Every request goes over real TLS to the sandbox's front.
 */
final class RelyingService {

    private final ClientID clientId;
    private final SSLSocketFactory tls;
    private final X509Certificate certificate;
    private final Secret secret;
    private final OIDCProviderMetadata provider;
    private final ClientAuthentication authentication;

    private RelyingService(String clientId, SSLSocketFactory tls, X509Certificate certificate, Secret secret,
            OIDCProviderMetadata provider, ClientAuthentication authentication) {
        this.clientId = new ClientID(clientId);
        this.tls = tls;
        this.certificate = certificate;
        this.secret = secret;
        this.provider = provider;
        this.authentication = authentication;
    }

    /** Presents the certificate of this PKCS#12 file (password 1234) and authenticates with tls_client_auth. */
    static RelyingService withCertificate(SandboxServer server, OIDCProviderMetadata provider, String clientId,
            Path p12) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            keystore.load(in, "1234".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keystore, "1234".toCharArray());
        X509Certificate certificate = (X509Certificate) keystore.getCertificate(keystore.aliases().nextElement());
        return new RelyingService(clientId, tlsWith(server, factory.getKeyManagers()), certificate, null, provider,
                null);
    }

    /** Presents no certificate; sends its client id alone, or its secret when it has one. */
    static RelyingService withoutCertificate(SandboxServer server, OIDCProviderMetadata provider, String clientId,
            String secret) throws IOException {
        return new RelyingService(clientId, tlsWith(server, null), null, secret == null ? null : new Secret(secret),
                provider, null);
    }

    /** Presents no certificate and authenticates as the library's given method does (private_key_jwt, say). */
    static RelyingService authenticatingWith(SandboxServer server, OIDCProviderMetadata provider,
            ClientAuthentication authentication) throws IOException {
        return new RelyingService(authentication.getClientID().getValue(), tlsWith(server, null), null, null,
                provider, authentication);
    }

    private static SSLSocketFactory tlsWith(SandboxServer server, KeyManager[] keys) throws IOException {
        return SandboxServer.withKeys(keys, server.caBundle()).getSocketFactory();
    }

    ClientID clientId() {
        return clientId;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** tls_client_auth (the client id in the form, the certificate in the handshake), or client_secret_post. */
    ClientAuthentication authentication() {
        if (authentication != null) {
            return authentication;
        }
        return secret != null ? new ClientSecretPost(clientId, secret) : new PKITLSClientAuthentication(clientId, tls);
    }

    HTTPResponse exchange(AuthorizationCode code, URI redirectUri, CodeVerifier verifier) throws IOException {
        return token(new AuthorizationCodeGrant(code, redirectUri, verifier));
    }

    HTTPResponse refresh(RefreshToken refreshToken) throws IOException {
        return token(new RefreshTokenGrant(refreshToken));
    }

    HTTPResponse token(AuthorizationGrant grant) throws IOException {
        return send(new TokenRequest(provider.getTokenEndpointURI(), authentication(), grant).toHTTPRequest());
    }

    HTTPResponse userInfo(AccessToken accessToken) throws IOException {
        return send(new UserInfoRequest(provider.getUserInfoEndpointURI(), accessToken).toHTTPRequest());
    }

    HTTPResponse introspect(Token token) throws IOException {
        return send(new TokenIntrospectionRequest(provider.getIntrospectionEndpointURI(), authentication(), token)
                .toHTTPRequest());
    }

    HTTPResponse revoke(Token token) throws IOException {
        return send(new TokenRevocationRequest(provider.getRevocationEndpointURI(), authentication(), token)
                .toHTTPRequest());
    }

    HTTPResponse push(AuthorizationRequest request) throws IOException {
        return send(new PushedAuthorizationRequest(provider.getPushedAuthorizationRequestEndpointURI(),
                authentication(), request).toHTTPRequest());
    }

    /** Any request of the library, sent with this relying service's TLS (its certificate, if it has one). */
    HTTPResponse send(HTTPRequest request) throws IOException {
        request.setSSLSocketFactory(tls);
        request.setConnectTimeout(5000);
        request.setReadTimeout(30000);
        return request.send();
    }
}
