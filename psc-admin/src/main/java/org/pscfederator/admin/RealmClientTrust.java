package org.pscfederator.admin;

import java.security.cert.X509Certificate;

import org.pscfederator.core.certificates.CertificateChecks;
import org.pscfederator.core.certificates.CertificateRejectedException;
import org.pscfederator.core.certificates.CertificateRejection;
import org.pscfederator.core.certificates.RealmTrust;
import org.pscfederator.core.settings.RealmSetting;
import org.pscfederator.core.settings.RealmSettings;
import org.pscfederator.core.settings.TrustSettings;
import org.pscfederator.core.settings.TrustUse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The realm's trust for relying services, read from its attributes (through the admin API) by the server's own
 * {@link RealmSettings} and applied by the server's own {@link RealmTrust} checks: so a card certificate, a lookalike,
 * a certificate without the AUTH_CLI policy or the clientAuth usage is refused at onboarding, with the reason, rather
 * than at the relying service's first token request. This class only words the refusal for operators.
 */
final class RealmClientTrust {

    static final String ANCHORS = TrustUse.CLIENT.anchors().attribute();
    static final String POLICY = TrustUse.CLIENT.policy().attribute();
    static final String CRLS = TrustUse.CLIENT.crls().attribute();
    static final String GRACE_HOURS = RealmSetting.CRL_GRACE_HOURS.attribute();

    private final CertificateChecks checks;
    private final String policyOid;

    private RealmClientTrust(CertificateChecks checks, String policyOid) {
        this.checks = checks;
        this.policyOid = policyOid;
    }

    /** @throws AdminException when the realm has no usable relying-service trust (fail closed: nothing registered) */
    static RealmClientTrust of(String realm, JsonNode attributes) throws AdminException {
        if (attributes.path(ANCHORS).asText("").isBlank() || attributes.path(POLICY).asText("").isBlank()) {
            throw new AdminException("realm " + realm + " has no trust for relying services (" + ANCHORS + ", "
                    + POLICY + "): configure it before registering one (docs/realm-config.md)");
        }
        try {
            TrustSettings settings = RealmValues.settings(attributes).trust(TrustUse.CLIENT);
            return new RealmClientTrust(RealmTrust.checks(settings, TrustUse.CLIENT), settings.policyOid());
        } catch (IllegalStateException e) { // RealmSettingException included
            throw new AdminException("realm " + realm + ": its trust for relying services is unusable, the server "
                    + "refuses every relying service: " + e.getMessage());
        }
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
}
