package org.pscfederator.keycloak.certificates;

import org.pscfederator.keycloak.realm.OwnSpi;

/** Our own SPI, {@code psc-realm-certificate-checks}: the realms' certificate checks, with their CRL caches. */
public class RealmCertificateChecksSpi extends OwnSpi {

    public static final String NAME = "psc-realm-certificate-checks";

    public RealmCertificateChecksSpi() {
        super(NAME, RealmCertificateChecks.class, RealmCertificateChecksFactory.class);
    }
}
