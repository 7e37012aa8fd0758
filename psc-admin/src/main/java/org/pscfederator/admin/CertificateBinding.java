package org.pscfederator.admin;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.TypeConversionException;

/**
 * One registered certificate of a relying service, as the client authenticator {@code psc-org-mtls} reads it from
 * the client attribute {@code psc.org.cert.bindings}: either the certificate's thumbprint
 * ({@code {"x5t#S256":"..."}}, binds exactly one key) or its subject and issuer
 * ({@code {"subject":"...","issuer":"..."}}, RFC 2253; a renewed certificate with the same names matches too).
 */
record CertificateBinding(String thumbprint, String subject, String issuer) {

    static final String THUMBPRINT = "x5t#S256";
    private static final Pattern BASE64URL_SHA256 = Pattern.compile("[A-Za-z0-9_-]{43}");

    enum Kind {
        THUMBPRINT, SUBJECT;

        static Kind parse(String text) {
            if (text == null) {
                return THUMBPRINT;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "thumbprint" -> THUMBPRINT;
                case "subject" -> SUBJECT;
                default -> throw new TypeConversionException("--bind: thumbprint or subject, not " + text);
            };
        }
    }

    CertificateBinding {
        if ((thumbprint == null) == (subject == null) || (subject == null) != (issuer == null)) {
            throw new IllegalArgumentException("a binding is a thumbprint, or a subject and an issuer");
        }
        if (thumbprint != null && !BASE64URL_SHA256.matcher(thumbprint).matches()) {
            throw new IllegalArgumentException("x5t#S256 is not a base64url SHA-256: " + thumbprint);
        }
        if (subject != null && (subject.isBlank() || issuer.isBlank())) {
            throw new IllegalArgumentException("a subject binding needs a subject and an issuer");
        }
    }

    static CertificateBinding thumbprint(String thumbprint) {
        return new CertificateBinding(thumbprint, null, null);
    }

    static CertificateBinding subject(String subject, String issuer) {
        return new CertificateBinding(null, subject, issuer);
    }

    Kind kind() {
        return thumbprint != null ? Kind.THUMBPRINT : Kind.SUBJECT;
    }

    /** @throws IllegalArgumentException when the JSON is not one of the two shapes */
    static CertificateBinding fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a binding is a JSON object");
        }
        if (node.has(THUMBPRINT)) {
            if (node.size() != 1 || !node.get(THUMBPRINT).isTextual()) {
                throw new IllegalArgumentException("a thumbprint binding holds x5t#S256 only");
            }
            return thumbprint(node.get(THUMBPRINT).asText());
        }
        if (node.size() != 2 || !node.path("subject").isTextual() || !node.path("issuer").isTextual()) {
            throw new IllegalArgumentException("a binding holds x5t#S256, or subject and issuer");
        }
        return subject(node.get("subject").asText(), node.get("issuer").asText());
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (thumbprint != null) {
            node.put(THUMBPRINT, thumbprint);
        } else {
            node.put("subject", subject);
            node.put("issuer", issuer);
        }
        return node;
    }

    boolean matches(OrgCertificate certificate) {
        return thumbprint != null ? thumbprint.equals(certificate.thumbprint())
                : subject.equals(certificate.subject()) && issuer.equals(certificate.issuer());
    }

    String describe() {
        return thumbprint != null ? "thumbprint x5t#S256 " + thumbprint : "subject and issuer";
    }
}
