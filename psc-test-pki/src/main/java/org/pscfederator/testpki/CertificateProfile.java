package org.pscfederator.testpki;

import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The kinds of certificate the test PKI issues and the extensions each carries. Issuing CAs list the policies they
 * issue under (rather than anyPolicy), so a verifier that requires a policy also rejects a certificate from the wrong CA.
 */
enum CertificateProfile {
    ROOT_CA(true, null, KeyUsage.keyCertSign | KeyUsage.cRLSign, List.of(), List.of()),
    PERSONS_CA(true, 0, KeyUsage.keyCertSign | KeyUsage.cRLSign, List.of(),
            List.of(SandboxProfile.POLICY_PERSON_AUTHENTICATION)),
    ORGANISATIONS_CA(true, 0, KeyUsage.keyCertSign | KeyUsage.cRLSign, List.of(),
            List.of(SandboxProfile.POLICY_ORG_AUTH_CLI, SandboxProfile.POLICY_ORG_TLS_SERVER)),
    PERSON_AUTHENTICATION(false, null, KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_clientAuth),
            List.of(SandboxProfile.POLICY_PERSON_AUTHENTICATION)),
    /** A card certificate of the persons CA lacking the authentication policy: a verifier must refuse it. */
    PERSON_WITHOUT_POLICY(false, null, KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_clientAuth), List.of()),
    ORG_AUTH_CLI(false, null, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
            List.of(KeyPurposeId.id_kp_clientAuth), List.of(SandboxProfile.POLICY_ORG_AUTH_CLI)),
    /** An ORG client certificate of the organisations CA lacking the AUTH_CLI policy: a verifier must refuse it. */
    ORG_WITHOUT_POLICY(false, null, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
            List.of(KeyPurposeId.id_kp_clientAuth), List.of()),
    /** An ORG AUTH_CLI certificate listing no extended key usage: a relying service's must say clientAuth. */
    ORG_WITHOUT_EXTENDED_KEY_USAGE(false, null, KeyUsage.digitalSignature | KeyUsage.keyEncipherment, List.of(),
            List.of(SandboxProfile.POLICY_ORG_AUTH_CLI)),
    TLS_SERVER(false, null, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
            List.of(KeyPurposeId.id_kp_serverAuth), List.of(SandboxProfile.POLICY_ORG_TLS_SERVER));

    final boolean ca;
    /** Path length constraint of a CA; null = none. */
    final Integer pathLength;
    final int keyUsage;
    final List<KeyPurposeId> extendedKeyUsages;
    final List<String> policies;

    CertificateProfile(boolean ca, Integer pathLength, int keyUsage, List<KeyPurposeId> extendedKeyUsages,
            List<String> policies) {
        this.ca = ca;
        this.pathLength = pathLength;
        this.keyUsage = keyUsage;
        this.extendedKeyUsages = extendedKeyUsages;
        this.policies = policies;
    }

    static CertificateProfile forCa(CaRole role) {
        return switch (role) {
            case ROOT -> ROOT_CA;
            case PERSONS -> PERSONS_CA;
            case ORGANISATIONS -> ORGANISATIONS_CA;
        };
    }
}
