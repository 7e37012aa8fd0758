package org.pscfederator.keycloak.certificates;

import org.keycloak.provider.ProviderFactory;

/** Makes the server's {@link RealmCertificateChecks}. */
public interface RealmCertificateChecksFactory extends ProviderFactory<RealmCertificateChecks> {
}
