package org.pscfederator.core.bindings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One registered certificate of a relying service, as written in {@value CertificateBindings#ATTRIBUTE}: either the
 * certificate's thumbprint ({@code {"x5t#S256":"..."}}, binds exactly one key) or its subject and issuer
 * ({@code {"subject":"...","issuer":"..."}}, RFC 2253; a renewed certificate with the same names matches too). The
 * server reads it and {@code psc-admin} writes it through this one class.
 */
public record CertificateBinding(String thumbprint, String subject, String issuer) {

    public static final String THUMBPRINT = "x5t#S256";
    static final String SUBJECT = "subject";
    static final String ISSUER = "issuer";
    private static final Pattern BASE64URL_SHA256 = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** How a certificate is bound: its key (thumbprint) or its names (subject and issuer). */
    public enum Kind {
        THUMBPRINT, SUBJECT;

        /** {@code thumbprint} (also when absent) or {@code subject}, in any case. */
        public static Kind parse(String text) {
            if (text == null) {
                return THUMBPRINT;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "thumbprint" -> THUMBPRINT;
                case "subject" -> SUBJECT;
                default -> throw new IllegalArgumentException("thumbprint or subject, not " + text);
            };
        }
    }

    /** @throws IllegalArgumentException when it is not a thumbprint alone, or an RFC 2253 subject and issuer */
    public CertificateBinding {
        if ((thumbprint == null) == (subject == null) || (subject == null) != (issuer == null)) {
            throw new IllegalArgumentException("a binding is a thumbprint, or a subject and an issuer");
        }
        if (thumbprint != null && !BASE64URL_SHA256.matcher(thumbprint).matches()) {
            throw new IllegalArgumentException("x5t#S256 must be 43 base64url characters (SHA-256, no padding)");
        }
        if (subject != null) {
            principal(subject, SUBJECT);
            principal(issuer, ISSUER);
        }
    }

    public static CertificateBinding thumbprint(String thumbprint) {
        return new CertificateBinding(thumbprint, null, null);
    }

    public static CertificateBinding subject(String subject, String issuer) {
        return new CertificateBinding(null, subject, issuer);
    }

    /** The binding of {@code kind} for this certificate. */
    public static CertificateBinding of(X509Certificate certificate, Kind kind) {
        return kind == Kind.THUMBPRINT ? thumbprint(CertificateBindings.thumbprint(certificate))
                : subject(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                        certificate.getIssuerX500Principal().getName(X500Principal.RFC2253));
    }

    public Kind kind() {
        return thumbprint != null ? Kind.THUMBPRINT : Kind.SUBJECT;
    }

    /** @throws IllegalArgumentException when the JSON is not one of the two shapes */
    public static CertificateBinding fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a binding must be an object");
        }
        JsonNode thumbprint = node.get(THUMBPRINT);
        JsonNode subject = node.get(SUBJECT);
        JsonNode issuer = node.get(ISSUER);
        if (thumbprint != null && subject == null && issuer == null && node.size() == 1) {
            if (!thumbprint.isTextual()) {
                throw new IllegalArgumentException("x5t#S256 must be 43 base64url characters (SHA-256, no padding)");
            }
            return thumbprint(thumbprint.asText());
        }
        if (thumbprint == null && subject != null && issuer != null && node.size() == 2 && subject.isTextual()
                && issuer.isTextual()) {
            return subject(subject.asText(), issuer.asText());
        }
        throw new IllegalArgumentException("a binding is either {x5t#S256} or {subject, issuer}");
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (thumbprint != null) {
            node.put(THUMBPRINT, thumbprint);
        } else {
            node.put(SUBJECT, subject);
            node.put(ISSUER, issuer);
        }
        return node;
    }

    public boolean matches(X509Certificate certificate) {
        return matches(certificate, CertificateBindings.thumbprint(certificate));
    }

    boolean matches(X509Certificate certificate, String presentedThumbprint) {
        if (thumbprint != null) {
            return MessageDigest.isEqual(thumbprint.getBytes(StandardCharsets.US_ASCII),
                    presentedThumbprint.getBytes(StandardCharsets.US_ASCII));
        }
        // X500Principal equality compares canonical forms: case and spacing of the registered DN do not matter.
        return principal(subject, SUBJECT).equals(certificate.getSubjectX500Principal())
                && principal(issuer, ISSUER).equals(certificate.getIssuerX500Principal());
    }

    public String describe() {
        return thumbprint != null ? "thumbprint x5t#S256 " + thumbprint : "subject and issuer";
    }

    private static X500Principal principal(String name, String field) {
        if (name.isBlank()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        try {
            return new X500Principal(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an RFC 2253 name");
        }
    }
}
