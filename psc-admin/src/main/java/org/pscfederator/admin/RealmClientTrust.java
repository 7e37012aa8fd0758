package org.pscfederator.admin;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.pscfederator.keycloak.certificates.CertificateChecks;
import org.pscfederator.keycloak.certificates.CertificateRejectedException;
import org.pscfederator.keycloak.certificates.CertificateRejection;
import org.pscfederator.keycloak.certificates.ConfiguredCrls;
import org.pscfederator.keycloak.certificates.TrustPolicy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The realm's trust for relying services ({@code pscClientTrustAnchors}, {@code pscClientPolicyOid},
 * {@code pscClientCrls}, read through the admin API), applied by the same checks the server runs: so a card
 * certificate, a lookalike or a certificate without the AUTH_CLI policy is refused at onboarding, with the reason,
 * rather than at the relying service's first token request.
 */
final class RealmClientTrust {

    static final String ANCHORS = "pscClientTrustAnchors";
    static final String POLICY = "pscClientPolicyOid";
    static final String CRLS = "pscClientCrls";
    static final String GRACE_HOURS = "pscCrlGraceHours";

    private final CertificateChecks checks;
    private final String policyOid;

    private RealmClientTrust(CertificateChecks checks, String policyOid) {
        this.checks = checks;
        this.policyOid = policyOid;
    }

    /** @throws AdminException when the realm has no usable relying-service trust (fail closed: nothing registered) */
    static RealmClientTrust of(String realm, JsonNode attributes) throws AdminException {
        String anchors = attributes.path(ANCHORS).asText("");
        String policy = attributes.path(POLICY).asText("").strip();
        if (anchors.isBlank() || policy.isBlank()) {
            throw new AdminException("realm " + realm + " has no trust for relying services (" + ANCHORS + ", "
                    + POLICY + "): configure it before registering one (docs/realm-config.md)");
        }
        TrustPolicy trustPolicy;
        try {
            trustPolicy = TrustPolicy.fromPem(anchors, policy);
        } catch (IllegalArgumentException e) {
            throw new AdminException("realm " + realm + ": its " + ANCHORS + " or " + POLICY + " is unusable: "
                    + e.getMessage());
        }
        List<String> crls = Arrays.stream(attributes.path(CRLS).asText("").split(",")).map(String::strip)
                .filter(location -> !location.isEmpty()).toList();
        return new RealmClientTrust(new CertificateChecks(trustPolicy,
                new ConfiguredCrls(crls, grace(attributes.path(GRACE_HOURS).asText("")), Clock.systemUTC()),
                Clock.systemUTC()), policy);
    }

    /**
     * @return null when the certificate passed every check, or a warning when only its revocation could not be
     *         checked from here (the server checks it again at every authentication)
     * @throws AdminException with the reason when the realm would refuse this certificate
     */
    String verify(OrgCertificate certificate) throws AdminException {
        try {
            checks.verify(new X509Certificate[] {certificate.certificate()});
            return null;
        } catch (CertificateRejectedException e) {
            if (e.rejection() == CertificateRejection.REVOCATION_UNKNOWN) {
                // Revocation is the last check: everything else passed. The CRLs may be files on the server's disk.
                return "the revocation of " + certificate.subject() + " could not be checked from here ("
                        + e.getMessage() + "); the server checks it at every authentication";
            }
            throw new AdminException("the certificate " + certificate.subject() + " is not an ORG AUTH_CLI "
                    + "certificate this realm accepts: " + reason(e.rejection(), certificate));
        }
    }

    private String reason(CertificateRejection rejection, OrgCertificate certificate) {
        return switch (rejection) {
            case UNTRUSTED -> "its issuer " + certificate.issuer() + " is not the organisations' CA the realm "
                    + "trusts for relying services (or its signature does not verify)";
            case POLICY_MISSING -> "it lacks the AUTH_CLI certificate policy " + policyOid;
            case REVOKED -> "it is revoked";
            case EXPIRED -> "it has expired";
            case NOT_YET_VALID -> "it is not valid yet";
            case WRONG_KEY_USAGE -> "its key usage is not client authentication";
            default -> rejection.code();
        };
    }

    private static Duration grace(String hours) {
        try {
            return Duration.ofHours(Math.max(0, Long.parseLong(hours.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofHours(6);
        }
    }
}
