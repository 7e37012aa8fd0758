package org.pscfederator.admin;

import java.time.Instant;

import org.pscfederator.core.bindings.CertificateBinding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an operator wants to see of a registered certificate (subject, issuer, serial, validity), kept beside the
 * bindings in the client attribute {@code psc.org.cert.details}. For people only: the server never reads it, so a
 * stale or missing entry changes nothing to who is let in.
 */
record CertificateDetails(String thumbprint, String subject, String issuer, String serial, Instant notBefore,
        Instant notAfter) {

    static CertificateDetails of(OrgCertificate certificate) {
        return new CertificateDetails(certificate.thumbprint(), certificate.subject(), certificate.issuer(),
                certificate.serial(), certificate.notBefore(), certificate.notAfter());
    }

    /** @return null when the entry is not readable (it is only informative: it is then left out) */
    static CertificateDetails fromJson(JsonNode node) {
        try {
            return new CertificateDetails(node.path(CertificateBinding.THUMBPRINT).asText(null),
                    node.path("subject").asText(null), node.path("issuer").asText(null),
                    node.path("serial").asText(null), Instant.parse(node.path("notBefore").asText()),
                    Instant.parse(node.path("notAfter").asText()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(CertificateBinding.THUMBPRINT, thumbprint);
        node.put("subject", subject);
        node.put("issuer", issuer);
        node.put("serial", serial);
        node.put("notBefore", notBefore.toString());
        node.put("notAfter", notAfter.toString());
        return node;
    }

    boolean matches(CertificateBinding binding) {
        return binding.thumbprint() != null ? binding.thumbprint().equals(thumbprint)
                : binding.subject().equals(subject) && binding.issuer().equals(issuer);
    }
}
