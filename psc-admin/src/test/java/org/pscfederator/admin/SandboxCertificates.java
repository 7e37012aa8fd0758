package org.pscfederator.admin;

import java.nio.file.Files;
import java.nio.file.Path;

import org.pscfederator.testpki.CaRole;
import org.pscfederator.testpki.SandboxProfile;
import org.pscfederator.testpki.TestPki;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A real test PKI in a temporary folder, and the realm attributes the sandbox launcher writes from it. */
final class SandboxCertificates {

    private SandboxCertificates() {
    }

    static TestPki pki(Path folder) {
        return TestPki.createOrOpen(folder.resolve("pki"));
    }

    /** The relying-service trust of the sandbox realm: organisations' CA and root, ORG AUTH_CLI policy, CRL files. */
    static ObjectNode realmAttributes(TestPki pki) throws Exception {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put(RealmClientTrust.ANCHORS, Files.readString(pki.caCertificateFile(CaRole.ORGANISATIONS))
                + Files.readString(pki.caCertificateFile(CaRole.ROOT)));
        attributes.put(RealmClientTrust.POLICY, SandboxProfile.POLICY_ORG_AUTH_CLI);
        attributes.put(RealmClientTrust.CRLS, pki.crlFile(CaRole.ORGANISATIONS).toAbsolutePath() + ","
                + pki.crlFile(CaRole.ROOT).toAbsolutePath());
        return attributes;
    }
}
