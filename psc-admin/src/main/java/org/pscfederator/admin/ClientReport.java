package org.pscfederator.admin;

import java.util.List;

import org.pscfederator.core.bindings.CertificateBinding;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code client show}: a relying service's registration as an operator reads it. Never a secret. */
final class ClientReport {

    private ClientReport() {
    }

    static String render(String realm, JsonNode client) {
        StringBuilder text = new StringBuilder();
        JsonNode attributes = client.path("attributes");
        line(text, "client", client.path("clientId").asText() + " (realm " + realm + ")");
        line(text, "enabled", client.path("enabled").asBoolean(false) ? "yes" : "NO (disabled)");
        List<String> redirects = new java.util.ArrayList<>();
        client.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
        line(text, "redirect URIs", redirects.isEmpty() ? "(none)" : String.join(", ", redirects));
        line(text, "authentication", authentication(client));
        line(text, "bound tokens", "true".equals(attributes.path(ClientRegistration.BOUND_TOKENS).asText())
                ? "on (access and refresh tokens bound to the certificate, RFC 8705)"
                : "off (a stolen access token works from anywhere until it expires)");
        line(text, "CIBA", "true".equals(attributes.path(ClientRegistration.CIBA).asText())
                ? attributes.path(ClientRegistration.CIBA_DELIVERY).asText("poll") + " mode, through e-CPS" : "off");
        String logout = attributes.path(ClientRegistration.BACKCHANNEL_LOGOUT).asText("");
        line(text, "logout tokens", logout.isEmpty() ? "(none: no back-channel logout)" : logout + " (back-channel logout)");
        line(text, "PKCE", attributes.path(ClientRegistration.PKCE).asText("").isEmpty() ? "not required"
                : attributes.path(ClientRegistration.PKCE).asText() + " required");
        ClientCertificates certificates;
        try {
            certificates = ClientCertificates.read(attributes);
        } catch (IllegalArgumentException e) {
            line(text, "certificates", "UNREADABLE " + ClientCertificates.BINDINGS_ATTRIBUTE + " (" + e.getMessage()
                    + "): no certificate is accepted; register one with client rotate-cert --drop-old");
            return text.toString();
        }
        List<CertificateBinding> bindings = certificates.bindings();
        line(text, "certificates", bindings.isEmpty() ? "none registered: no certificate is accepted"
                : bindings.size() + (bindings.size() == 2 ? " (a renewal in progress)" : ""));
        int n = 1;
        for (CertificateBinding binding : bindings) {
            text.append("  ").append(n++).append(". bound by ").append(binding.describe()).append('\n');
            if (binding.subject() != null) {
                detail(text, "subject", binding.subject());
                detail(text, "issuer", binding.issuer());
            }
            List<CertificateDetails> known = certificates.detailsOf(binding);
            if (known.isEmpty() && binding.subject() == null) {
                detail(text, "details", "unknown (registered without psc-admin)");
            }
            for (CertificateDetails details : known) {
                if (binding.subject() == null) {
                    detail(text, "subject", details.subject());
                    detail(text, "issuer", details.issuer());
                }
                detail(text, "serial", details.serial());
                detail(text, "valid", details.notBefore() + " to " + details.notAfter()
                        + (details.notAfter().isBefore(java.time.Instant.now()) ? " (EXPIRED)" : ""));
            }
        }
        return text.toString();
    }

    private static String authentication(JsonNode client) {
        String type = client.path("clientAuthenticatorType").asText("");
        if (client.path("publicClient").asBoolean(false)) {
            return "none (public client)";
        }
        return switch (type) {
            case ClientRegistration.AUTHENTICATOR -> type + " (ORG AUTH_CLI certificate in mutual TLS, tls_client_auth)";
            case "client-secret" -> type + " (client secret: sandbox only)";
            default -> type;
        };
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-16s%s%n", label + ":", value));
    }

    private static void detail(StringBuilder text, String label, String value) {
        text.append(String.format("     %-9s%s%n", label, value));
    }
}
