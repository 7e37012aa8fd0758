package org.pscfederator.core.certificates;

import java.time.Clock;

import org.pscfederator.core.settings.TrustSettings;
import org.pscfederator.core.settings.TrustUse;

/**
 * The certificate checks a realm configures, per use: card login (persons' CAs) or relying-service authentication
 * (organisations' CAs), from its trust settings (realm attributes of realm-config/realms/base, read by psc-core's
 * RealmSettings): the trust anchors, the required policy, the CRL locations and the grace past a CRL's next update.
 * Built here; kept between requests by {@link RealmCertificateChecks}, so CRLs stay cached. A realm without a
 * complete configuration gets no checks at all: the settings throw, and the login fails closed.
 */
public final class RealmTrust {

    private RealmTrust() {
    }

    /** @throws IllegalStateException when the anchors or the policy cannot make a trust policy */
    public static CertificateChecks checks(TrustSettings settings, TrustUse use) {
        TrustPolicy trustPolicy;
        try {
            trustPolicy = TrustPolicy.fromPem(settings.anchorsPem(), settings.policyOid());
            if (use == TrustUse.CLIENT) {
                // RFC 8705 client authentication: the certificate must be issued for it, not merely not exclude it.
                trustPolicy = trustPolicy.requiringClientAuth();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(use.anchors().attribute() + " or " + use.policy().attribute() + ": "
                    + e.getMessage(), e);
        }
        return new CertificateChecks(trustPolicy,
                new ConfiguredCrls(settings.crlLocations(), settings.crlGrace(), Clock.systemUTC()), Clock.systemUTC());
    }
}
