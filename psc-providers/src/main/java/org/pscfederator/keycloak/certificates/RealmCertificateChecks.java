package org.pscfederator.keycloak.certificates;

import org.pscfederator.core.certificates.CertificateChecks;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;
import org.pscfederator.core.settings.TrustUse;
import org.pscfederator.keycloak.realm.OwnSpi;

/** The certificate checks of a realm for one use, kept between requests (SPI {@value RealmCertificateChecksSpi#NAME}). */
public interface RealmCertificateChecks extends Provider {

    /** @throws IllegalStateException when the realm's trust for this use is missing or invalid: fail closed */
    CertificateChecks of(RealmModel realm, TrustUse use);

    static RealmCertificateChecks of(KeycloakSession session) {
        return OwnSpi.required(session, RealmCertificateChecks.class);
    }

    @Override
    default void close() {
    }
}
