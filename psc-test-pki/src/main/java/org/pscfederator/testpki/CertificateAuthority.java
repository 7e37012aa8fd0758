package org.pscfederator.testpki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** One CA of the test PKI: its certificate and the key that signs what it issues and its CRL. */
record CertificateAuthority(CaRole role, X509Certificate certificate, PrivateKey key) {
}
