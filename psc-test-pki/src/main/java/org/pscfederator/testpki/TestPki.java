package org.pscfederator.testpki;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The sandbox's test PKI, shaped like IGC-Santé: a root CA, a CA for persons' cards and a CA for organisations, one CRL
 * each, all kept under one directory (see docs/test-pki.md). It issues the sandbox's TLS server certificate, test
 * cards and relying services' ORG AUTH_CLI certificates, and revokes them. For the sandbox only: its keys are not
 * secret and must never be trusted in production.
 */
public final class TestPki {

    /** CRLs closer than this to their nextUpdate are signed again when the PKI is opened by {@link #createOrOpen}. */
    private static final Duration CRL_RENEWAL_MARGIN = Duration.ofDays(1);

    private final Path pkiDir;
    private final CaStore store;
    private final Map<CaRole, CertificateAuthority> cas;

    private TestPki(Path pkiDir, CaStore store, Map<CaRole, CertificateAuthority> cas) {
        this.pkiDir = pkiDir;
        this.store = store;
        this.cas = cas;
    }

    /**
     * Creates the root, persons and organisations CAs with their CRLs if {@code pkiDir/ca} is absent, else loads them.
     * Either way, a CRL that is missing or due within a day is signed again, so a sandbox restarted after a week does
     * not fail closed on stale CRLs.
     */
    public static TestPki createOrOpen(Path pkiDir) {
        Path dir = absolute(pkiDir);
        CaStore store = new CaStore(dir.resolve("ca"));
        if (!Files.exists(store.dir())) {
            create(dir, store);
        }
        TestPki pki = load(dir, store);
        pki.renewDueCrls();
        return pki;
    }

    /** Loads an existing test PKI; fails with "no test PKI at ..." when there is none. */
    public static TestPki open(Path pkiDir) {
        Path dir = absolute(pkiDir);
        CaStore store = new CaStore(dir.resolve("ca"));
        if (!Files.isDirectory(store.dir())) {
            throw PkiException.badInput("no test PKI at " + dir + " (create it with: psc-pki --pki-dir " + dir + " init)");
        }
        return load(dir, store);
    }

    public Path pkiDir() {
        return pkiDir;
    }

    /** The three CA certificates, PEM: what TLS clients and verifiers trust. */
    public Path caBundle() {
        return store.bundle();
    }

    /** PKCS#12 trust store of the three CA certificates (password 1234), for Keycloak's https-trust-store-file. */
    public Path trustStore() {
        return store.trustStore();
    }

    public X509Certificate caCertificate(CaRole role) {
        return cas.get(role).certificate();
    }

    public Path caCertificateFile(CaRole role) {
        return store.certificate(role);
    }

    public Path crlFile(CaRole role) {
        return store.crl(role);
    }

    /**
     * Issues the TLS server certificate (by the organisations CA) for these names, or for localhost, 127.0.0.1 and ::1
     * when both lists are empty. Writes {@code server/server.p12} (alias "server"), {@code server/server.crt.pem} (leaf
     * and issuing CA) and {@code server/server.key.pem} (PKCS#8, owner-only).
     */
    public IssuedCertificate issueServer(List<String> dnsNames, List<String> ipAddresses) {
        ServerNames names = new ServerNames(dnsNames, ipAddresses);
        Path dir = pkiDir.resolve("server");
        KeyPair keys = CertificateIssuer.newKeyPair();
        IssuedCertificate issued = issue(CaRole.ORGANISATIONS, CertificateProfile.TLS_SERVER,
                SandboxProfile.serverSubject(names.commonName()), names.subjectAltNames(),
                Validity.NORMAL.period(Instant.now(), SandboxProfile.SERVER_DAYS), keys, dir.resolve("server.p12"),
                "server", false, true);
        AtomicFile.write(dir.resolve("server.key.pem"),
                Pem.privateKey(keys.getPrivate()).getBytes(StandardCharsets.US_ASCII), true);
        return issued;
    }

    /** Issues a card authentication certificate (persons CA) to {@code cards/<idNat>.p12}, alias the idNat. */
    public IssuedCertificate issueCard(CardRequest request) {
        return issue(CaRole.PERSONS, CertificateProfile.PERSON_AUTHENTICATION,
                SandboxProfile.cardSubject(request.idNat(), request.givenName(), request.familyName()), List.of(),
                request.validity().period(Instant.now(), request.validityDays()), CertificateIssuer.newKeyPair(),
                pkiDir.resolve("cards").resolve(request.fileName() + ".p12"), request.idNat(), request.revoked(),
                false);
    }

    /**
     * Issues, for tests of the verifier, a card of the real persons CA whose CN is {@code commonName} as given, line
     * breaks and control characters included (what a log must escape), and which names {@code namedUrl}, when not
     * null, as its CRL distribution point, AIA caIssuers and OCSP responder (what a verifier must never fetch).
     * Written to {@code cards/crafted-<random>.p12}.
     */
    public IssuedCertificate issueCraftedCard(String commonName, String namedUrl) {
        return issue(CaRole.PERSONS, CertificateProfile.PERSON_AUTHENTICATION,
                SandboxProfile.cardSubject(commonName, null, null), List.of(),
                Validity.NORMAL.period(Instant.now(), SandboxProfile.CARD_DAYS), CertificateIssuer.newKeyPair(),
                pkiDir.resolve("cards").resolve("crafted-" + UUID.randomUUID() + ".p12"), "crafted", false, false,
                namedUrl);
    }

    /**
     * Issues, for tests of what reaches the server's log, a genuine ORG AUTH_CLI certificate of the organisations CA
     * whose CN is any text, line breaks included, to a {@code clients/crafted-*.p12} file of its own.
     */
    public IssuedCertificate issueCraftedClient(String commonName) {
        return issue(CaRole.ORGANISATIONS, CertificateProfile.ORG_AUTH_CLI,
                SandboxProfile.clientSubject(commonName, SandboxProfile.ORGANISATION, "CRAFTED TEST"), List.of(),
                Validity.NORMAL.period(Instant.now(), SandboxProfile.CLIENT_DAYS), CertificateIssuer.newKeyPair(),
                pkiDir.resolve("clients").resolve("crafted-" + UUID.randomUUID() + ".p12"), "crafted", false, false);
    }

    /**
     * Issues, for tests of the verifier, a card certificate of the real persons CA but without the authentication
     * policy, to {@code cards/<idNat>-without-policy.p12}.
     */
    public IssuedCertificate issueCardWithoutPolicy(CardRequest request) {
        return issue(CaRole.PERSONS, CertificateProfile.PERSON_WITHOUT_POLICY,
                SandboxProfile.cardSubject(request.idNat(), request.givenName(), request.familyName()), List.of(),
                request.validity().period(Instant.now(), request.validityDays()), CertificateIssuer.newKeyPair(),
                pkiDir.resolve("cards").resolve(request.fileName() + "-without-policy.p12"), request.idNat(), false,
                false);
    }

    /**
     * Issues, for tests of the verifier, a forged card to {@code cards/<idNat>-lookalike.p12}: the same subject as a
     * real card, issued by a self-signed CA that has the persons CA's very name but a key of its own. Nothing of it is
     * kept in the PKI's state: it is not this PKI's certificate.
     */
    public IssuedCertificate issueLookalikeCard(CardRequest request) {
        return issueLookalike(CaRole.PERSONS, CertificateProfile.PERSON_AUTHENTICATION,
                SandboxProfile.cardSubject(request.idNat(), request.givenName(), request.familyName()),
                request.validity().period(Instant.now(), request.validityDays()),
                pkiDir.resolve("cards").resolve(request.fileName() + "-lookalike.p12"), request.idNat());
    }

    /**
     * Issues, for tests of relying-service authentication, a forged ORG AUTH_CLI certificate to
     * {@code clients/<clientId>-lookalike.p12}: a real one's subject, issued by a self-signed CA bearing the
     * organisations CA's name. Nothing of it is kept in the PKI's state.
     */
    public IssuedCertificate issueLookalikeClient(ClientRequest request) {
        return issueLookalike(CaRole.ORGANISATIONS, CertificateProfile.ORG_AUTH_CLI,
                SandboxProfile.clientSubject(request.clientId(), request.organisation(), request.structureId()),
                request.validity().period(Instant.now(), request.validityDays()),
                pkiDir.resolve("clients").resolve(request.clientId() + "-lookalike.p12"), request.clientId());
    }

    /**
     * Issues, for tests of the verifier, a client certificate of the real organisations CA but without the AUTH_CLI
     * policy, to {@code clients/<clientId>-without-policy.p12}.
     */
    public IssuedCertificate issueClientWithoutPolicy(ClientRequest request) {
        return issueFlawedClient(request, CertificateProfile.ORG_WITHOUT_POLICY, "-without-policy.p12");
    }

    /**
     * Issues, for tests of the verifier, an ORG AUTH_CLI certificate of the real organisations CA listing no extended
     * key usage, to {@code clients/<clientId>-without-eku.p12}.
     */
    public IssuedCertificate issueClientWithoutExtendedKeyUsage(ClientRequest request) {
        return issueFlawedClient(request, CertificateProfile.ORG_WITHOUT_EXTENDED_KEY_USAGE, "-without-eku.p12");
    }

    private IssuedCertificate issueFlawedClient(ClientRequest request, CertificateProfile profile, String suffix) {
        return issue(CaRole.ORGANISATIONS, profile,
                SandboxProfile.clientSubject(request.clientId(), request.organisation(), request.structureId()),
                List.of(), request.validity().period(Instant.now(), request.validityDays()),
                CertificateIssuer.newKeyPair(), pkiDir.resolve("clients").resolve(request.clientId() + suffix),
                request.clientId(), false, false);
    }

    private IssuedCertificate issueLookalike(CaRole impersonated, CertificateProfile profile, X500Name subject,
            Validity.ValidityPeriod period, Path keystore, String alias) {
        KeyPair fakeCaKeys = CertificateIssuer.newKeyPair();
        X509Certificate real = cas.get(impersonated).certificate();
        X500Name fakeName = X500Name.getInstance(real.getSubjectX500Principal().getEncoded());
        Validity.ValidityPeriod caPeriod = Validity.NORMAL.period(Instant.now(), SandboxProfile.INTERMEDIATE_CA_DAYS);
        X509Certificate fakeCa = CertificateIssuer.selfSigned(fakeName, fakeCaKeys, real.getSerialNumber(), caPeriod);
        CertificateAuthority fake = new CertificateAuthority(impersonated, fakeCa, fakeCaKeys.getPrivate());
        KeyPair keys = CertificateIssuer.newKeyPair();
        X509Certificate certificate = CertificateIssuer.issue(fake, profile, subject, keys.getPublic(),
                new BigInteger(64, new java.security.SecureRandom()).abs().add(BigInteger.ONE), period, List.of());
        Pkcs12Writer.writeKey(keystore, alias, keys.getPrivate(), List.of(certificate, fakeCa));
        IssuedCertificate issued = new IssuedCertificate(certificate, keystore, certificate.getSerialNumber());
        AtomicFile.write(issued.certificatePem(), Pem.certificates(List.of(certificate))
                .getBytes(StandardCharsets.US_ASCII), false);
        return issued;
    }

    /** Issues an ORG AUTH_CLI certificate (organisations CA) to {@code clients/<clientId>.p12}, alias the client id. */
    public IssuedCertificate issueClient(ClientRequest request) {
        return issue(CaRole.ORGANISATIONS, CertificateProfile.ORG_AUTH_CLI,
                SandboxProfile.clientSubject(request.clientId(), request.organisation(), request.structureId()),
                List.of(), request.validity().period(Instant.now(), request.validityDays()),
                CertificateIssuer.newKeyPair(), pkiDir.resolve("clients").resolve(request.clientId() + ".p12"),
                request.clientId(), request.revoked(), false);
    }

    /** Marks the serial revoked (kept in the state file) and signs its CA's CRL again. Revoking twice changes nothing. */
    public void revoke(BigInteger serial) {
        try (StateLock lock = store.lock()) {
            revokeLocked(store.loadState(), serial);
        }
    }

    /** Revokes a certificate read from a file, after checking that this PKI issued it (same serial, issuer, signature). */
    public BigInteger revoke(X509Certificate certificate) {
        BigInteger serial = certificate.getSerialNumber();
        try (StateLock lock = store.lock()) {
            PkiState state = store.loadState();
            CaRole issuer = issuerOf(state, serial);
            if (!issuedBy(certificate, cas.get(issuer))) {
                throw PkiException.badInput("the certificate with serial " + PkiState.hex(serial)
                        + " was not issued by this test PKI (" + pkiDir + ")");
            }
            revokeLocked(state, serial);
        }
        return serial;
    }

    public boolean isRevoked(BigInteger serial) {
        return store.loadState().isRevoked(serial);
    }

    /** The CA that issued this serial (the root for the issuing CAs' own certificates). */
    public CaRole issuerOf(BigInteger serial) {
        return issuerOf(store.loadState(), serial);
    }

    /**
     * Signs all three CRLs again with these dates, in the past if need be: a test's way to make CRLs stale.
     * {@link #refreshCrls(Duration)} is the normal way.
     */
    public void signCrls(Instant thisUpdate, Instant nextUpdate) {
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw PkiException.badInput("a CRL's next update comes after its this update");
        }
        try (StateLock lock = store.lock()) {
            PkiState state = store.loadState();
            for (CaRole role : CaRole.values()) {
                writeCrl(state, role, thisUpdate, nextUpdate);
            }
        }
    }

    /** Signs all three CRLs again, valid from now until now + {@code nextUpdateIn}. */
    public void refreshCrls(Duration nextUpdateIn) {
        if (nextUpdateIn == null || nextUpdateIn.isNegative() || nextUpdateIn.isZero()) {
            throw PkiException.badInput("the CRL next update must be in the future");
        }
        try (StateLock lock = store.lock()) {
            PkiState state = store.loadState();
            Instant now = Instant.now();
            for (CaRole role : CaRole.values()) {
                writeCrl(state, role, now, now.plus(nextUpdateIn));
            }
        }
    }

    private IssuedCertificate issue(CaRole issuerRole, CertificateProfile profile, X500Name subject,
            List<GeneralName> subjectAltNames, Validity.ValidityPeriod period, KeyPair keys, Path keystore,
            String alias, boolean revoked, boolean pemWithChain) {
        return issue(issuerRole, profile, subject, subjectAltNames, period, keys, keystore, alias, revoked,
                pemWithChain, null);
    }

    private IssuedCertificate issue(CaRole issuerRole, CertificateProfile profile, X500Name subject,
            List<GeneralName> subjectAltNames, Validity.ValidityPeriod period, KeyPair keys, Path keystore,
            String alias, boolean revoked, boolean pemWithChain, String namedUrl) {
        CertificateAuthority issuer = cas.get(issuerRole);
        try (StateLock lock = store.lock()) {
            PkiState state = store.loadState();
            BigInteger serial = state.allocateSerial(issuerRole);
            store.saveState(state); // saved before use: a serial is never handed out twice, even if what follows fails
            X509Certificate certificate = CertificateIssuer.issue(issuer, profile, subject, keys.getPublic(), serial,
                    period, subjectAltNames, namedUrl);
            IssuedCertificate issued = new IssuedCertificate(certificate, keystore, serial);
            Pkcs12Writer.writeKey(keystore, alias, keys.getPrivate(), List.of(certificate, issuer.certificate()));
            // A server's PEM carries the chain a TLS server sends (leaf, then its CA); the others just the leaf.
            List<X509Certificate> pem = pemWithChain ? List.of(certificate, issuer.certificate()) : List.of(certificate);
            AtomicFile.write(issued.certificatePem(), Pem.certificates(pem).getBytes(StandardCharsets.US_ASCII), false);
            if (revoked) {
                revokeLocked(state, serial);
            }
            return issued;
        }
    }

    private void revokeLocked(PkiState state, BigInteger serial) {
        CaRole issuer = issuerOf(state, serial);
        if (serial.equals(caCertificate(CaRole.ROOT).getSerialNumber())) {
            throw PkiException.badInput("serial " + PkiState.hex(serial) + " is the root CA itself, which cannot be"
                    + " revoked; delete " + store.dir() + " to start a new PKI");
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (state.revoke(issuer, serial, now)) {
            writeCrl(state, issuer, now, now.plus(SandboxProfile.CRL_NEXT_UPDATE));
        }
    }

    /** Takes the next CRL number, records it, then signs the CRL. Call with the state lock held. */
    private void writeCrl(PkiState state, CaRole role, Instant now, Instant nextUpdate) {
        BigInteger crlNumber = state.nextCrlNumber(role);
        store.saveState(state);
        CrlWriter.write(cas.get(role), state.revoked(role), crlNumber, now, nextUpdate, store.crl(role));
    }

    private void renewDueCrls() {
        Instant renewBefore = Instant.now().plus(CRL_RENEWAL_MARGIN);
        List<CaRole> due = Stream.of(CaRole.values()).filter(role -> crlDue(role, renewBefore)).toList();
        if (due.isEmpty()) {
            return;
        }
        try (StateLock lock = store.lock()) {
            PkiState state = store.loadState();
            Instant now = Instant.now();
            for (CaRole role : due) {
                writeCrl(state, role, now, now.plus(SandboxProfile.CRL_NEXT_UPDATE));
            }
        }
    }

    private boolean crlDue(CaRole role, Instant renewBefore) {
        Path file = store.crl(role);
        if (!Files.isRegularFile(file)) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            return crl.getNextUpdate() == null || crl.getNextUpdate().toInstant().isBefore(renewBefore);
        } catch (IOException | GeneralSecurityException e) {
            return true; // unreadable: sign it again
        }
    }

    private static CaRole issuerOf(PkiState state, BigInteger serial) {
        return state.issuerOf(serial).orElseThrow(() -> PkiException.badInput(
                "serial " + PkiState.hex(serial) + " was not issued by this test PKI"));
    }

    private static boolean issuedBy(X509Certificate certificate, CertificateAuthority ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static TestPki load(Path dir, CaStore store) {
        Map<CaRole, CertificateAuthority> cas = new EnumMap<>(CaRole.class);
        for (CaRole role : CaRole.values()) {
            cas.put(role, store.load(role));
        }
        return new TestPki(dir, store, cas);
    }

    /**
     * Builds the CAs in a hidden sibling directory and renames it to {@code ca/}: a crash never leaves half a PKI,
     * and when two processes create at once, the one that loses the rename uses the winner's.
     */
    private static void create(Path dir, CaStore store) {
        AtomicFile.createDirectory(dir, false);
        Path temp = dir.resolve(".ca-" + UUID.randomUUID() + ".tmp");
        try {
            CaHierarchy.create(new CaStore(temp), Instant.now());
            try {
                Files.move(temp, store.dir(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, store.dir());
            }
        } catch (IOException e) {
            if (!Files.isDirectory(store.dir())) {
                throw PkiException.io("create", store.dir(), e);
            }
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover hidden temporary directory does no harm
        }
    }

    private static Path absolute(Path pkiDir) {
        if (pkiDir == null) {
            throw PkiException.badInput("no PKI directory given");
        }
        return pkiDir.toAbsolutePath().normalize();
    }
}
