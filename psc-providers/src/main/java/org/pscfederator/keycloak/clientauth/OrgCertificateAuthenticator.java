package org.pscfederator.keycloak.clientauth;

import org.pscfederator.core.bindings.CertificateBindings;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.authenticators.client.ClientAuthUtil;
import org.keycloak.authentication.authenticators.client.ClientIdAndSecretAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.pscfederator.core.certificates.CertificateChecks;
import org.pscfederator.core.certificates.CertificateRejectedException;
import org.pscfederator.core.certificates.CertificateRejection;
import org.pscfederator.keycloak.certificates.RealmCertificateChecks;
import org.pscfederator.core.settings.TrustUse;
import org.pscfederator.keycloak.realm.RealmAttributes;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.keycloak.logging.EventFields;
import org.pscfederator.keycloak.metrics.PscMeters;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.core.events.ClientRefusal;
import org.pscfederator.core.events.EventDetail;

/**
 * Authenticates a relying service by its IGC-Santé ORG AUTH_CLI certificate (RFC 8705 {@code tls_client_auth}): the
 * certificate of the TLS session (or of the trusted proxy's header), the realm's CLIENT trust policy (path to the
 * organisations' CA, dates, clientAuth, AUTH_CLI policy, revocation), then the client's registered bindings.
 *
 * <p>Keycloak runs every authenticator of the realm's client flow and keeps the result of the one the client is
 * registered with, so this one does nothing for clients of other types. A refusal is {@code invalid_client} (401)
 * with a reason, and a {@code CLIENT_LOGIN_ERROR} event naming it. Where the realm allows it (the sandbox only,
 * realm attribute {@code pscClientSecretAllowed}), a request carrying a client secret is checked by Keycloak's
 * own secret authenticator instead; elsewhere a secret is refused.
 */
final class OrgCertificateAuthenticator implements ClientAuthenticator {

    private static final Logger LOG = Logger.getLogger(OrgCertificateAuthenticator.class);



    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = formOf(context);
        if (carriesSecret(context, form)) {
            authenticateBySecret(context);
            return;
        }
        String clientId = clientIdOf(context, form);
        if (clientId == null) {
            context.challenge(ClientAuthUtil.errorResponse(400, OAuthErrorException.INVALID_CLIENT,
                    "Missing client_id parameter"));
            return;
        }
        RealmModel realm = context.getRealm();
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null) {
            context.failure(AuthenticationFlowError.CLIENT_NOT_FOUND, null);
            return;
        }
        context.getEvent().client(clientId);
        context.setClient(client);
        if (!isOurs(client)) {
            // Another authenticator of the flow answers for this client; checking a certificate here is wasted work.
            return;
        }
        if (!client.isEnabled()) {
            context.failure(AuthenticationFlowError.CLIENT_DISABLED, null);
            return;
        }
        authenticateByCertificate(context, realm, client);
    }

    private void authenticateByCertificate(ClientAuthenticationFlowContext context, RealmModel realm,
            ClientModel client) {
        X509Certificate[] chain;
        try {
            chain = context.getSession().getProvider(X509ClientCertificateLookup.class)
                    .getCertificateChain(context.getHttpRequest());
        } catch (GeneralSecurityException e) {
            refuse(context, client, null, CertificateRejection.UNREADABLE.code(), "unreadable client certificate",
                    e.getMessage());
            return;
        }
        if (chain == null || chain.length == 0 || chain[0] == null) {
            refuse(context, client, null, CertificateRejection.NO_CERTIFICATE.code(),
                    "a client certificate is required (tls_client_auth)", "no client certificate presented");
            return;
        }
        X509Certificate certificate = chain[0];
        CertificateChecks checks;
        try {
            checks = RealmCertificateChecks.of(context.getSession()).of(realm, TrustUse.CLIENT);
        } catch (IllegalStateException e) {
            LOG.errorf("relying-service authentication is not configured in realm %s: %s", realm.getName(),
                    LoggedText.of(e.getMessage()));
            refuse(context, client, certificate, ClientRefusal.NOT_CONFIGURED.code(),
                    "client authentication is not available",
                    "client trust not configured");
            return;
        }
        try {
            checks.verify(chain);
        } catch (CertificateRejectedException e) {
            refuse(context, client, certificate, e.rejection().code(),
                    "client certificate refused: " + e.rejection().code(), e.getMessage());
            return;
        }
        CertificateBindings bindings;
        try {
            bindings = CertificateBindings.parse(client.getAttribute(CertificateBindings.ATTRIBUTE));
        } catch (IllegalArgumentException e) {
            refuse(context, client, certificate, ClientRefusal.NO_CERTIFICATE_REGISTERED.code(),
                    "no certificate is registered for this client",
                    e.getMessage());
            return;
        }
        if (!bindings.matches(certificate)) {
            refuse(context, client, certificate, ClientRefusal.CERTIFICATE_NOT_REGISTERED.code(),
                    "the client certificate is not the one registered for this client",
                    "subject " + certificate.getSubjectX500Principal().getName() + " not bound to the client");
            return;
        }
        context.getEvent().detail(EventDetail.CLIENT_AUTH.wire(), OrgCertificateAuthenticatorFactory.PROVIDER_ID)
                .detail(EventDetail.CERT_SERIAL.wire(), certificate.getSerialNumber().toString(16));
        context.success();
    }

    /** Sandbox relaxation: Keycloak's own secret check; anywhere else a secret is an error, not a fallback. */
    private void authenticateBySecret(ClientAuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        String clientId = clientIdOf(context, formOf(context));
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client != null && !isOurs(client)) {
            // A client-secret client: Keycloak's own authenticator of the flow answers for it.
            context.getEvent().client(clientId);
            context.setClient(client);
            return;
        }
        boolean secretAllowed;
        try {
            secretAllowed = RealmAttributes.settings(realm).clientSecretAllowed();
        } catch (RealmSettingException e) {
            // Fails closed: a secret is refused as not configured, like the certificate without trust.
            LOG.errorf("client secrets refused in realm %s: %s", realm.getName(), LoggedText.of(e.getMessage()));
            refuseUnconfigured(context, realm, clientId);
            return;
        }
        if (secretAllowed) {
            new ClientIdAndSecretAuthenticator().authenticateClient(context);
            context.getEvent().detail(EventDetail.CLIENT_AUTH.wire(), "client-secret (sandbox)");
            return;
        }
        if (client == null) {
            context.failure(AuthenticationFlowError.CLIENT_NOT_FOUND, null);
            return;
        }
        context.getEvent().client(clientId);
        context.setClient(client);
        refuse(context, client, null, ClientRefusal.CLIENT_SECRET_NOT_ALLOWED.code(),
                "client secrets are not accepted here: authenticate with your ORG AUTH_CLI certificate"
                        + " (tls_client_auth)", "a client secret was sent");
    }

    private static void refuseUnconfigured(ClientAuthenticationFlowContext context, RealmModel realm,
            String clientId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null) {
            context.failure(AuthenticationFlowError.CLIENT_NOT_FOUND, null);
            return;
        }
        context.getEvent().client(clientId);
        context.setClient(client);
        refuse(context, client, null, ClientRefusal.NOT_CONFIGURED.code(), "client authentication is not available",
                "pscClientSecretAllowed invalid");
    }

    private static boolean isOurs(ClientModel client) {
        return OrgCertificateAuthenticatorFactory.PROVIDER_ID.equals(client.getClientAuthenticatorType());
    }

    private static void refuse(ClientAuthenticationFlowContext context, ClientModel client,
            X509Certificate certificate, String reason, String description, String logDetail) {
        EventBuilder flowEvent = context.getEvent().detail(EventDetail.REASON.wire(), reason);
        EventBuilder loginEvent = new EventBuilder(context.getRealm(), context.getSession(),
                context.getConnection()).event(EventType.CLIENT_LOGIN).client(client)
                .detail(Details.CLIENT_AUTH_METHOD, OrgCertificateAuthenticatorFactory.PROVIDER_ID)
                .detail(EventDetail.REASON.wire(), reason);
        if (certificate != null) {
            String serial = certificate.getSerialNumber().toString(16);
            String issuer = certificate.getIssuerX500Principal().getName();
            flowEvent.detail(EventDetail.CERT_SERIAL.wire(), serial).detail(EventDetail.CERT_ISSUER.wire(), issuer);
            loginEvent.detail(EventDetail.CERT_SERIAL.wire(), serial).detail(EventDetail.CERT_ISSUER.wire(), issuer);
        }
        loginEvent.error(Errors.INVALID_CLIENT_CREDENTIALS);
        EventFields.info(LOG, "client " + LoggedText.of(client.getClientId()) + " refused: " + reason + " ("
                + LoggedText.of(logDetail) + ")", loginEvent);
        PscMeters.clientRefused(ClientRefusal.CLIENT_SECRET_NOT_ALLOWED.code().equals(reason) ? "client_secret"
                : "tls_client_auth", reason);
        Response response = ClientAuthUtil.errorResponse(Response.Status.UNAUTHORIZED.getStatusCode(),
                OAuthErrorException.INVALID_CLIENT, description);
        context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, response);
    }

    private static MultivaluedMap<String, String> formOf(ClientAuthenticationFlowContext context) {
        MediaType type = context.getHttpRequest().getHttpHeaders().getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return context.getHttpRequest().getDecodedFormParameters();
        }
        return null;
    }

    private static boolean carriesSecret(ClientAuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String authorization = context.getHttpRequest().getHttpHeaders().getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        return form != null && form.containsKey("client_secret");
    }

    /** Where Keycloak's own authenticators look for it: the form, the query, or what an endpoint set aside. */
    private static String clientIdOf(ClientAuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String clientId = form == null ? null : form.getFirst("client_id");
        if (clientId == null) {
            clientId = basicUser(context.getHttpRequest().getHttpHeaders().getHeaderString("Authorization"));
        }
        if (clientId == null) {
            clientId = context.getSession().getContext().getUri().getQueryParameters().getFirst("client_id");
        }
        if (clientId == null) {
            clientId = context.getSession().getAttribute("client_id", String.class);
        }
        return clientId == null || clientId.isBlank() ? null : clientId;
    }

    /** The client id of an {@code Authorization: Basic} header (RFC 6749 2.3.1: form-encoded, then base64). */
    static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : java.net.URLDecoder.decode(decoded.substring(0, colon),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
    }
}
