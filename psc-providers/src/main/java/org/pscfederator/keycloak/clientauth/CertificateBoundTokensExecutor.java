package org.pscfederator.keycloak.clientauth;

import org.pscfederator.core.bindings.CertificateBindings;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.RefreshToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.TokenIntrospectContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.core.events.EventDetail;

/**
 * RFC 8705 certificate-bound tokens where Keycloak leaves gaps. Keycloak binds tokens, and checks the binding at
 * userinfo and refresh, for clients whose {@value OIDCConfigAttributes#USE_MTLS_HOK_TOKEN} is on; this executor
 * <ul>
 * <li>turns that attribute on when a {@code psc-org-mtls} client is registered or updated without saying (bound
 * tokens by default; an operator may still set it to false for a relying service that cannot present its
 * certificate to userinfo, such as mod_auth_openidc: docs/domain/oidc-rules.md);</li>
 * <li>refuses a bound refresh token presented without its certificate with {@code invalid_grant} (RFC 6749 5.2),
 * before Keycloak's own check, which answers {@code unauthorized_client};</li>
 * <li>answers {@code "active": false} (RFC 7662 2.2) when a bound access token is introspected by a request that does
 * not present the certificate the token is bound to, with an {@code INTROSPECT_TOKEN_ERROR} event.</li>
 * </ul>
 */
final class CertificateBoundTokensExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private static final Logger LOG = Logger.getLogger(CertificateBoundTokensExecutor.class);
    static final String CERTIFICATE_MISMATCH = "bound_token_certificate_mismatch";

    private final KeycloakSession session;

    CertificateBoundTokensExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return CertificateBoundTokensExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> boundByDefault(((ClientCRUDContext) context).getProposedClientRepresentation());
            case TOKEN_INTROSPECT -> checkIntrospection((TokenIntrospectContext) context);
            case TOKEN_REFRESH -> checkRefresh((TokenRefreshContext) context);
            default -> {
                // other events: nothing to add to Keycloak's own checks
            }
        }
    }

    static void boundByDefault(ClientRepresentation client) {
        if (client == null || !OrgCertificateAuthenticatorFactory.PROVIDER_ID.equals(client.getClientAuthenticatorType())) {
            return;
        }
        if (client.getAttributes() == null) {
            client.setAttributes(new java.util.HashMap<>());
        }
        client.getAttributes().putIfAbsent(OIDCConfigAttributes.USE_MTLS_HOK_TOKEN, "true");
    }

    private void checkRefresh(TokenRefreshContext context) throws ClientPolicyException {
        String encoded = context.getParams().getFirst("refresh_token");
        RefreshToken token = encoded == null ? null : session.tokens().decode(encoded, RefreshToken.class);
        if (token == null || !boundElsewhere(token)) {
            return;
        }
        throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT,
                "the refresh token is bound to another client certificate");
    }

    /** Whether the token is bound to a certificate and the request does not present that certificate. */
    private boolean boundElsewhere(AccessToken token) {
        if (token.getConfirmation() == null || token.getConfirmation().getCertThumbprint() == null) {
            return false;
        }
        String presented = presentedThumbprint();
        return presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                token.getConfirmation().getCertThumbprint().getBytes(StandardCharsets.US_ASCII));
    }

    private void checkIntrospection(TokenIntrospectContext context) {
        MultivaluedMap<String, String> params = context.getParams();
        String encoded = params.getFirst("token");
        if (encoded == null) {
            return;
        }
        // decode() checks the signature with the realm's keys; a token that fails it is left to Keycloak to refuse.
        AccessToken token = session.tokens().decode(encoded, AccessToken.class);
        if (token == null || !boundElsewhere(token)) {
            return;
        }
        LOG.infof("introspection of a token bound to another certificate by client %s: answered inactive",
                context.getClient() == null ? "?" : LoggedText.of(context.getClient().getClientId()));
        new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
                .event(EventType.INTROSPECT_TOKEN).client(context.getClient())
                .detail(EventDetail.REASON.wire(), CERTIFICATE_MISMATCH)
                .detail("token_issued_for", token.getIssuedFor())
                .error("invalid_token");
        // Keycloak introspects the token it reads back from the form after the policies: an empty one is inactive.
        params.putSingle("token", "");
    }

    private String presentedThumbprint() {
        try {
            X509Certificate[] chain = session.getProvider(X509ClientCertificateLookup.class)
                    .getCertificateChain(session.getContext().getHttpRequest());
            return chain == null || chain.length == 0 ? null : CertificateBindings.thumbprint(chain[0]);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
