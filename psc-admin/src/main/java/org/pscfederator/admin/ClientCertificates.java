package org.pscfederator.admin;

import java.util.ArrayList;
import java.util.List;

import org.pscfederator.core.bindings.CertificateBinding;
import org.pscfederator.core.bindings.CertificateBindings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The certificates registered for one relying service: the bindings the server checks ({@code psc.org.cert.bindings},
 * one, or two during a renewal) and their details for operators ({@code psc.org.cert.details}).
 */
final class ClientCertificates {

    static final String BINDINGS_ATTRIBUTE = CertificateBindings.ATTRIBUTE;
    static final String DETAILS_ATTRIBUTE = "psc.org.cert.details";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CertificateBinding> bindings;
    private final List<CertificateDetails> details;

    ClientCertificates(List<CertificateBinding> bindings, List<CertificateDetails> details) {
        this.bindings = List.copyOf(bindings);
        this.details = List.copyOf(details);
    }

    static ClientCertificates of(OrgCertificate certificate, CertificateBinding.Kind kind) {
        return new ClientCertificates(List.of(certificate.binding(kind)), List.of(CertificateDetails.of(certificate)));
    }

    /**
     * From a client's attributes.
     *
     * @throws IllegalArgumentException when the bindings attribute is not a JSON array of bindings (the server then
     *         lets no certificate in)
     */
    static ClientCertificates read(JsonNode attributes) {
        String text = attributes.path(BINDINGS_ATTRIBUTE).asText("");
        // None yet is a state psc-admin can repair; anything else is read as the server reads it.
        List<CertificateBinding> bindings = text.isBlank() ? List.of() : CertificateBindings.parse(text).bindings();
        List<CertificateDetails> details = new ArrayList<>();
        JsonNode detailsArray = parse(attributes.path(DETAILS_ATTRIBUTE).asText(""));
        if (detailsArray != null && detailsArray.isArray()) {
            for (JsonNode node : detailsArray) {
                CertificateDetails entry = CertificateDetails.fromJson(node);
                if (entry != null) {
                    details.add(entry);
                }
            }
        }
        return new ClientCertificates(bindings, details);
    }

    List<CertificateBinding> bindings() {
        return bindings;
    }

    /** The details known for one binding: one certificate for a thumbprint, any number for a subject and issuer. */
    List<CertificateDetails> detailsOf(CertificateBinding binding) {
        return details.stream().filter(entry -> entry.matches(binding)).toList();
    }

    boolean matches(OrgCertificate certificate) {
        return bindings.stream().anyMatch(binding -> binding.matches(certificate.certificate()));
    }

    /** The new certificate beside the current ones (a renewal), or in their place with {@code dropOld}. */
    ClientCertificates with(OrgCertificate certificate, CertificateBinding.Kind kind, boolean dropOld)
            throws AdminException {
        CertificateBinding binding = certificate.binding(kind);
        List<CertificateBinding> newBindings = new ArrayList<>(dropOld ? List.of() : bindings);
        if (!newBindings.contains(binding)) {
            newBindings.add(binding);
        }
        if (newBindings.size() > CertificateBindings.MAX_BINDINGS) {
            throw new AdminException("two certificates are already registered (a renewal in progress); "
                    + "add --drop-old to keep only the new one");
        }
        List<CertificateDetails> newDetails = new ArrayList<>();
        CertificateDetails added = CertificateDetails.of(certificate);
        for (CertificateDetails entry : details) {
            if (!entry.thumbprint().equals(added.thumbprint())
                    && newBindings.stream().anyMatch(entry::matches)) {
                newDetails.add(entry);
            }
        }
        newDetails.add(added);
        return new ClientCertificates(newBindings, newDetails);
    }

    String bindingsJson() {
        return CertificateBindings.of(bindings).toAttribute();
    }

    String detailsJson() {
        ArrayNode array = JSON.createArrayNode();
        details.forEach(entry -> array.add(entry.toJson()));
        return array.toString();
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
