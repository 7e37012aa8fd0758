package org.pscfederator.testpki;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** What a verifier does with the test PKI's files: PKIX from the root, CRLs from disk, the given policy required. */
final class Pkix {

    private Pkix() {
    }

    static PKIXCertPathValidatorResult validate(TestPki pki, X509Certificate leaf, CaRole issuer, String policy)
            throws Exception {
        return validate(pki, leaf, issuer, policy, null);
    }

    static PKIXCertPathValidatorResult validate(TestPki pki, X509Certificate leaf, CaRole issuer, String policy,
            Date at) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(List.of(leaf, pki.caCertificate(issuer)));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(pki.caCertificate(CaRole.ROOT), null)));
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls(pki))));
        parameters.setInitialPolicies(Set.of(policy));
        parameters.setExplicitPolicyRequired(true);
        if (at != null) {
            parameters.setDate(at);
        }
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    static List<CRL> crls(TestPki pki) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<CRL> crls = new ArrayList<>();
        for (CaRole role : CaRole.values()) {
            try (InputStream in = Files.newInputStream(pki.crlFile(role))) {
                crls.add(factory.generateCRL(in));
            }
        }
        return crls;
    }

    static KeyStore pkcs12(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
