package org.pscfederator.directory.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;

import org.pscfederator.keycloak.certificates.PemTrust;

/** TLS that trusts exactly the certificates of a PEM bundle (the sandbox CAs), never everything. */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    static SSLContext sslContext(Path pemBundle) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, PemTrust.trustManagers(pemBundle), null);
        return context;
    }
}
