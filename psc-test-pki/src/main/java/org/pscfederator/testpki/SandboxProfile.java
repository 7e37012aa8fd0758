package org.pscfederator.testpki;

import java.time.Duration;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The sandbox certificate profile: every name layout, policy OID, key size and lifetime of the test PKI, in one place.
 *
 * <p>This is a <b>sandbox</b> profile, not IGC-Santé's. Neither the subject layout of real card certificates nor
 * IGC-Santé's certificate-policy OIDs could be confirmed from public material (docs/domain/certificates.md), so the
 * federator takes its trust policy from configuration and the sandbox realm configures exactly these values. Nothing
 * here may be configured in a production realm.
 */
public final class SandboxProfile {

    /** Password of every PKCS#12 file the test PKI writes (keystores and the trust store), as ANS's test kits use. */
    public static final String PASSWORD = "1234";

    public static final String KEY_ALGORITHM = "RSA";
    public static final int KEY_SIZE = 2048;
    public static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    /**
     * Arc of the sandbox policy OIDs. {@code 2.999} is the joint ISO/ITU-T "example" arc (ITU-T X.660), reserved for
     * examples and never assigned to a real policy, so a sandbox OID cannot collide with one of IGC-Santé's
     * (under ANS's {@code 1.2.250.1.71}) and reads as "test" to anyone who checks. The {@code 71} only recalls ANS's arc.
     */
    public static final String POLICY_ARC = "2.999.71.1";
    /** Persons' card authentication certificates (CPS/CPE/CPF/CPA "authentification"), issued by the persons CA. */
    public static final String POLICY_PERSON_AUTHENTICATION = POLICY_ARC + ".1.1";
    /** ORG AUTH_CLI: client authentication of a server of a structure (relying services), by the organisations CA. */
    public static final String POLICY_ORG_AUTH_CLI = POLICY_ARC + ".2.1";
    /** TLS server certificates of the sandbox itself, issued by the organisations CA. */
    public static final String POLICY_ORG_TLS_SERVER = POLICY_ARC + ".2.2";

    /** Lifetimes. Cards and ORG certificates last three years like IGC-Santé's; the server stays under 398 days. */
    public static final int ROOT_CA_DAYS = 20 * 365;
    public static final int INTERMEDIATE_CA_DAYS = 10 * 365;
    public static final int CARD_DAYS = 3 * 365;
    public static final int CLIENT_DAYS = 3 * 365;
    public static final int SERVER_DAYS = 397;
    public static final Duration CRL_NEXT_UPDATE = Duration.ofDays(7);
    /** Certificates valid "now" start a little earlier, so a peer whose clock is slightly behind accepts them. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * Name layout, shaped like IGC-Santé (C=FR, O, OU, CN; CA names "AC ... PERSONNES / ORGANISATIONS") but
     * unmistakably test: every CA name starts with "TEST" and names the sandbox, never ANS.
     */
    public static final String COUNTRY = "FR";
    public static final String ORGANISATION = "PSC SANDBOX";
    public static final String CA_UNIT = "IGC-SANTE TEST";
    public static final String ROOT_CA_NAME = "TEST AC RACINE PSC SANDBOX";
    public static final String PERSONS_CA_NAME = "TEST AC PSC SANDBOX PERSONNES";
    public static final String ORGANISATIONS_CA_NAME = "TEST AC PSC SANDBOX ORGANISATIONS";
    public static final String PERSONS_UNIT = "PROFESSIONNELS DE SANTE TEST";
    public static final String SERVERS_UNIT = "SERVEURS TEST";

    /** Default TLS server names: the sandbox answers on the loopback interface. */
    public static final java.util.List<String> DEFAULT_SERVER_DNS = java.util.List.of("localhost");
    public static final java.util.List<String> DEFAULT_SERVER_IPS = java.util.List.of("127.0.0.1", "::1");

    private SandboxProfile() {
    }

    static X500Name caSubject(CaRole role) {
        String cn = switch (role) {
            case ROOT -> ROOT_CA_NAME;
            case PERSONS -> PERSONS_CA_NAME;
            case ORGANISATIONS -> ORGANISATIONS_CA_NAME;
        };
        return base(ORGANISATION, CA_UNIT).addRDN(BCStyle.CN, cn).build();
    }

    /** C=FR, O=PSC SANDBOX, OU=PROFESSIONNELS DE SANTE TEST, CN=idNat[, GIVENNAME][, SURNAME]. */
    static X500Name cardSubject(String idNat, String givenName, String familyName) {
        X500NameBuilder name = base(ORGANISATION, PERSONS_UNIT).addRDN(BCStyle.CN, idNat);
        if (givenName != null) {
            name.addRDN(BCStyle.GIVENNAME, givenName);
        }
        if (familyName != null) {
            name.addRDN(BCStyle.SURNAME, familyName);
        }
        return name.build();
    }

    /** C=FR, O=organisation, [OU=structure identifier,] CN=clientId: one ORG AUTH_CLI certificate per server. */
    static X500Name clientSubject(String clientId, String organisation, String structureId) {
        return base(organisation, structureId).addRDN(BCStyle.CN, clientId).build();
    }

    /** C=FR, O=PSC SANDBOX, OU=SERVEURS TEST, CN=first server name (clients check the SANs, not the CN). */
    static X500Name serverSubject(String commonName) {
        return base(ORGANISATION, SERVERS_UNIT).addRDN(BCStyle.CN, commonName).build();
    }

    private static X500NameBuilder base(String organisation, String unit) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, organisation);
        if (unit != null) {
            name.addRDN(BCStyle.OU, unit);
        }
        return name;
    }
}
