package org.pscfederator.testpki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Creates the three CAs in an empty {@code ca/} directory: the root, then the persons and organisations CAs it signs. */
final class CaHierarchy {

    private CaHierarchy() {
    }

    static List<CertificateAuthority> create(CaStore store, Instant now) {
        PkiState state = PkiState.fresh();
        List<CertificateAuthority> cas = new ArrayList<>();

        KeyPair rootKeys = CertificateIssuer.newKeyPair();
        BigInteger rootSerial = state.allocateSerial(CaRole.ROOT);
        X509Certificate rootCertificate = CertificateIssuer.selfSigned(SandboxProfile.caSubject(CaRole.ROOT), rootKeys,
                rootSerial, Validity.NORMAL.period(now, SandboxProfile.ROOT_CA_DAYS));
        CertificateAuthority root = new CertificateAuthority(CaRole.ROOT, rootCertificate, rootKeys.getPrivate());
        cas.add(root);

        for (CaRole role : List.of(CaRole.PERSONS, CaRole.ORGANISATIONS)) {
            KeyPair keys = CertificateIssuer.newKeyPair();
            X509Certificate certificate = CertificateIssuer.issue(root, CertificateProfile.forCa(role),
                    SandboxProfile.caSubject(role), keys.getPublic(), state.allocateSerial(CaRole.ROOT),
                    Validity.NORMAL.period(now, SandboxProfile.INTERMEDIATE_CA_DAYS), List.of());
            cas.add(new CertificateAuthority(role, certificate, keys.getPrivate()));
        }

        for (CertificateAuthority ca : cas) {
            store.save(ca);
            CrlWriter.write(ca, state.revoked(ca.role()), state.nextCrlNumber(ca.role()), now,
                    now.plus(SandboxProfile.CRL_NEXT_UPDATE), store.crl(ca.role()));
        }
        store.saveTrustMaterial(cas);
        store.saveState(state);
        return cas;
    }
}
