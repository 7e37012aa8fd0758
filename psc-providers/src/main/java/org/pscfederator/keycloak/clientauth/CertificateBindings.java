package org.pscfederator.keycloak.clientauth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ORG AUTH_CLI certificates registered for one relying service, from its client attribute
 * {@value #ATTRIBUTE}: a JSON array of one or two bindings (two while a certificate is renewed), each either
 * {@code {"x5t#S256":"<base64url SHA-256 of the DER certificate>"}} or
 * {@code {"subject":"<RFC 2253 DN>","issuer":"<RFC 2253 DN>"}}. A certificate matches when it matches any binding.
 * An absent, empty or unreadable attribute matches nothing: a client nobody bound cannot log in.
 */
public final class CertificateBindings {

    public static final String ATTRIBUTE = "psc.org.cert.bindings";
    static final String THUMBPRINT = "x5t#S256";
    static final String SUBJECT = "subject";
    static final String ISSUER = "issuer";
    /** One current certificate and its successor during a renewal; more is a registration error. */
    static final int MAX_BINDINGS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One registered certificate: by thumbprint, or by subject and issuer names. */
    record Binding(String thumbprint, X500Principal subject, X500Principal issuer) {

        boolean matches(X509Certificate certificate, String presentedThumbprint) {
            if (thumbprint != null) {
                return MessageDigest.isEqual(thumbprint.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        presentedThumbprint.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            // X500Principal equality compares canonical forms: case and spacing of the registered DN do not matter.
            return subject.equals(certificate.getSubjectX500Principal())
                    && issuer.equals(certificate.getIssuerX500Principal());
        }
    }

    private final List<Binding> bindings;

    private CertificateBindings(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    /**
     * Reads the attribute value.
     *
     * @throws IllegalArgumentException when it is absent, empty or not a list of one or two valid bindings
     */
    public static CertificateBindings parse(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("no certificate is registered (" + ATTRIBUTE + " is empty)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(attribute);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(ATTRIBUTE + " is not JSON");
        }
        if (root == null || !root.isArray() || root.isEmpty() || root.size() > MAX_BINDINGS) {
            throw new IllegalArgumentException(ATTRIBUTE + " must be an array of 1 to " + MAX_BINDINGS + " bindings");
        }
        List<Binding> bindings = new ArrayList<>();
        for (JsonNode node : root) {
            bindings.add(binding(node));
        }
        return new CertificateBindings(bindings);
    }

    private static Binding binding(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a binding must be an object");
        }
        JsonNode thumbprint = node.get(THUMBPRINT);
        JsonNode subject = node.get(SUBJECT);
        JsonNode issuer = node.get(ISSUER);
        if (thumbprint != null && subject == null && issuer == null && node.size() == 1) {
            String value = thumbprint.asText("");
            if (!thumbprint.isTextual() || !value.matches("[A-Za-z0-9_-]{43}")) {
                throw new IllegalArgumentException("x5t#S256 must be 43 base64url characters (SHA-256, no padding)");
            }
            return new Binding(value, null, null);
        }
        if (thumbprint == null && subject != null && issuer != null && node.size() == 2 && subject.isTextual()
                && issuer.isTextual()) {
            return new Binding(null, principal(subject.asText(), SUBJECT), principal(issuer.asText(), ISSUER));
        }
        throw new IllegalArgumentException("a binding is either {x5t#S256} or {subject, issuer}");
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

    public boolean matches(X509Certificate certificate) {
        String presented = thumbprint(certificate);
        return bindings.stream().anyMatch(binding -> binding.matches(certificate, presented));
    }

    public int size() {
        return bindings.size();
    }

    /** RFC 8705's {@code x5t#S256}: base64url, unpadded, SHA-256 of the DER certificate. */
    public static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash a certificate: " + e.getMessage(), e);
        }
    }
}
