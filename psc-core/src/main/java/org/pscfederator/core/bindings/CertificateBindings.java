package org.pscfederator.core.bindings;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The ORG AUTH_CLI certificates registered for one relying service, from its client attribute
 * {@value #ATTRIBUTE}: a JSON array of one or two {@link CertificateBinding}s (two while a certificate is renewed).
 * A certificate matches when it matches any binding.
 * An absent, empty or unreadable attribute matches nothing: a client nobody bound cannot log in.
 */
public final class CertificateBindings {

    public static final String ATTRIBUTE = "psc.org.cert.bindings";
    /** One current certificate and its successor during a renewal; more is a registration error. */
    public static final int MAX_BINDINGS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CertificateBinding> bindings;

    private CertificateBindings(List<CertificateBinding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    /** @throws IllegalArgumentException when there are none, or more than {@value #MAX_BINDINGS} */
    public static CertificateBindings of(List<CertificateBinding> bindings) {
        if (bindings.isEmpty() || bindings.size() > MAX_BINDINGS) {
            throw new IllegalArgumentException(ATTRIBUTE + " must be an array of 1 to " + MAX_BINDINGS + " bindings");
        }
        return new CertificateBindings(bindings);
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
        List<CertificateBinding> bindings = new ArrayList<>();
        for (JsonNode node : root) {
            bindings.add(CertificateBinding.fromJson(node));
        }
        return new CertificateBindings(bindings);
    }

    /** The attribute value, as {@link #parse} reads it. */
    public String toAttribute() {
        ArrayNode array = JSON.createArrayNode();
        bindings.forEach(binding -> array.add(binding.toJson()));
        return array.toString();
    }

    public List<CertificateBinding> bindings() {
        return bindings;
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
