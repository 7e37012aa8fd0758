package org.pscfederator.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.TypeConversionException;

/**
 * The Keycloak client of a relying service in PSC's trusted space, as {@code client register} creates it: confidential,
 * authenticated by its ORG AUTH_CLI certificate ({@code psc-org-mtls}), authorization code flow only with PKCE S256,
 * certificate-bound tokens (RFC 8705), and the certificate binding the server checks.
 */
final class ClientRegistration {

    static final String AUTHENTICATOR = "psc-org-mtls";
    static final String BOUND_TOKENS = "tls.client.certificate.bound.access.tokens";
    static final String PKCE = "pkce.code.challenge.method";
    static final String POST_LOGOUT_REDIRECTS = "post.logout.redirect.uris";
    static final String SCOPE_ALL = "scope_all";
    static final String CIBA = "oidc.ciba.grant.enabled";
    static final String CIBA_DELIVERY = "ciba.backchannel.token.delivery.mode";
    static final String BACKCHANNEL_LOGOUT = "backchannel.logout.url";
    static final String BACKCHANNEL_LOGOUT_SESSION = "backchannel.logout.session.required";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    private ClientRegistration() {
    }

    static String clientId(String text) {
        if (!CLIENT_ID.matcher(text).matches()) {
            throw new TypeConversionException("--client-id: use letters, digits, '-', '_' and '.', at most 64, not starting "
                    + "with '.': " + text);
        }
        return text;
    }

    /** What a relying service asks for beyond its redirect URIs and certificate. */
    record Options(boolean ciba, URI backchannelLogout, boolean boundTokens) {
        /** A code-flow relying service with bound tokens, as PSC's trusted space wants by default. */
        static final Options DEFAULT = new Options(false, null, true);
    }

    /**
     * A relying service's redirect URI: absolute https, exact (Keycloak would take {@code *} as a wildcard, which
     * lets a code go to any page of the host), no fragment (RFC 6749 section 3.1.2). An http URI on the loopback
     * interface is taken here and left to {@link #refuseLoopback} once the realm's setting is known.
     */
    static List<URI> redirectUris(List<String> texts) {
        if (texts.isEmpty()) {
            throw new TypeConversionException("--redirect-uri is required (one or more)");
        }
        return exact(texts, "--redirect-uri", true);
    }

    static List<URI> postLogoutRedirectUris(List<String> texts) {
        return exact(texts, "--post-logout-redirect-uri", true);
    }

    /** Server to server: the relying service's back-channel logout endpoint, https only. */
    static URI backchannelLogoutUri(String text) {
        return text == null ? null : exact(List.of(text), "--backchannel-logout-uri", false).get(0);
    }

    /** RFC 8252 section 7.3: a development server on this machine, on any port. */
    static boolean loopbackHttp(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return "http".equalsIgnoreCase(uri.getScheme())
                && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    /** Where the realm does not allow it (production), an http loopback URI is refused before anything is written. */
    static void refuseLoopback(List<URI> uris, boolean allowed, String realm) throws AdminException {
        if (allowed) {
            return;
        }
        for (URI uri : uris) {
            if (loopbackHttp(uri)) {
                throw new AdminException("realm " + realm + " takes https redirect URIs only (http on the loopback"
                        + " interface is for the sandbox, realm attribute pscLoopbackRedirectsAllowed): " + uri
                        + "; nothing was changed");
            }
        }
    }

    private static List<URI> exact(List<String> texts, String option, boolean loopbackHttp) {
        List<URI> uris = new ArrayList<>();
        for (String text : texts) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (java.net.URISyntaxException e) {
                throw new TypeConversionException(option + ": not a URI: " + text);
            }
            boolean https = "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT));
            if (uri.getHost() == null || !(https || loopbackHttp && loopbackHttp(uri))) {
                throw new TypeConversionException(option + ": an absolute https URI is needed"
                        + (loopbackHttp ? " (or http on localhost, 127.0.0.1 or [::1] in the sandbox)" : "") + ": "
                        + text);
            }
            if (text.contains("*")) {
                throw new TypeConversionException(option + ": no wildcard, give each exact URI: " + text);
            }
            if (uri.getRawFragment() != null) {
                throw new TypeConversionException(option + ": no fragment allowed: " + text);
            }
            uris.add(uri);
        }
        return uris;
    }

    static ObjectNode representation(String clientId, List<URI> redirectUris, List<URI> postLogoutRedirectUris,
            ClientCertificates certificates, Options options) {
        ObjectNode client = JsonNodeFactory.instance.objectNode();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", AUTHENTICATOR);
        client.put("standardFlowEnabled", true);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", false);
        client.put("consentRequired", false);
        client.put("frontchannelLogout", false);
        redirectUris.forEach(uri -> client.withArray("redirectUris").add(uri.toString()));
        client.putArray("webOrigins");
        ObjectNode attributes = client.putObject("attributes");
        attributes.put(PKCE, "S256");
        attributes.put(BOUND_TOKENS, Boolean.toString(options.boundTokens()));
        // Where logout may send the browser back: the URIs given, else ("+") any of the redirect URIs.
        attributes.put(POST_LOGOUT_REDIRECTS, postLogoutRedirectUris.isEmpty() ? "+"
                : String.join("##", postLogoutRedirectUris.stream().map(URI::toString).toList()));
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        attributes.put(CIBA, Boolean.toString(options.ciba()));
        if (options.ciba()) {
            attributes.put(CIBA_DELIVERY, "poll"); // PSC offers poll mode only
        }
        if (options.backchannelLogout() != null) {
            attributes.put(BACKCHANNEL_LOGOUT, options.backchannelLogout().toString());
            attributes.put(BACKCHANNEL_LOGOUT_SESSION, "true"); // the logout token names the session (sid)
        }
        attributes.put(ClientCertificates.BINDINGS_ATTRIBUTE, certificates.bindingsJson());
        attributes.put(ClientCertificates.DETAILS_ATTRIBUTE, certificates.detailsJson());
        return client;
    }
}
