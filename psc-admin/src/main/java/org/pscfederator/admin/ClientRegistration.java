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

    /**
     * A relying service's redirect URI: absolute https, exact (Keycloak would take {@code *} as a wildcard, which
     * lets a code go to any page of the host), no fragment (RFC 6749 section 3.1.2).
     */
    static List<URI> redirectUris(List<String> texts) {
        if (texts.isEmpty()) {
            throw new TypeConversionException("--redirect-uri is required (one or more)");
        }
        return exactHttps(texts, "--redirect-uri");
    }

    static List<URI> postLogoutRedirectUris(List<String> texts) {
        return exactHttps(texts, "--post-logout-redirect-uri");
    }

    private static List<URI> exactHttps(List<String> texts, String option) {
        List<URI> uris = new ArrayList<>();
        for (String text : texts) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (java.net.URISyntaxException e) {
                throw new TypeConversionException(option + ": not a URI: " + text);
            }
            if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new TypeConversionException(option + ": an absolute https URI is needed: " + text);
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
            ClientCertificates certificates) {
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
        attributes.put(BOUND_TOKENS, "true");
        // Where logout may send the browser back: the URIs given, else ("+") any of the redirect URIs.
        attributes.put(POST_LOGOUT_REDIRECTS, postLogoutRedirectUris.isEmpty() ? "+"
                : String.join("##", postLogoutRedirectUris.stream().map(URI::toString).toList()));
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        attributes.put("oidc.ciba.grant.enabled", "false");
        attributes.put(ClientCertificates.BINDINGS_ATTRIBUTE, certificates.bindingsJson());
        attributes.put(ClientCertificates.DETAILS_ATTRIBUTE, certificates.detailsJson());
        return client;
    }
}
