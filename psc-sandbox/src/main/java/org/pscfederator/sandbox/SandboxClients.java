package org.pscfederator.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.pscfederator.testpki.CertificateFile;
import org.pscfederator.testpki.ClientRequest;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox relying service {@value #SANDBOX_RP}: its ORG AUTH_CLI certificate, issued once at first start to
 * {@code pki/clients/sandbox-rp.p12} (password 1234), and its binding in the realm (client attribute
 * {@code psc.org.cert.bindings}, by subject and issuer so that {@code bin/psc-pki client --client-id sandbox-rp}
 * can issue it again without touching the realm).
 */
final class SandboxClients {

    static final String SANDBOX_RP = "sandbox-rp";
    static final String BINDINGS_ATTRIBUTE = "psc.org.cert.bindings";

    private SandboxClients() {
    }

    /** @return whether a certificate was issued now */
    static boolean issueMissing(TestPki pki) {
        if (Files.exists(keystore(pki))) {
            return false;
        }
        pki.issueClient(ClientRequest.of(SANDBOX_RP));
        return true;
    }

    static Path keystore(TestPki pki) {
        return pki.pkiDir().resolve("clients").resolve(SANDBOX_RP + ".p12");
    }

    static Path certificate(TestPki pki) {
        return pki.pkiDir().resolve("clients").resolve(SANDBOX_RP + ".crt.pem");
    }

    /** The binding of this certificate, as the realm attribute holds it (a JSON array of one binding). */
    static String bindings(X509Certificate certificate) {
        ArrayNode array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        array.addObject().put("subject", certificate.getSubjectX500Principal().getName())
                .put("issuer", certificate.getIssuerX500Principal().getName());
        return array.toString();
    }

    static String bindings(TestPki pki) {
        return bindings(CertificateFile.read(certificate(pki)));
    }

    /** Sets sandbox-rp's binding in the assembled sandbox realm. */
    static void bind(ObjectNode realm, String bindings) {
        for (JsonNode client : realm.withArray("clients")) {
            if (SANDBOX_RP.equals(client.path("clientId").asText())) {
                ((ObjectNode) client).with("attributes").put(BINDINGS_ATTRIBUTE, bindings);
                return;
            }
        }
        throw new SandboxException("the sandbox realm has no client " + SANDBOX_RP);
    }
}
