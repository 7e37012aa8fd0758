package org.pscfederator.keycloak.certificates;

import org.pscfederator.core.certificates.PemTrust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.testpki.TestPki;

class PemTrustTest {

    @TempDir
    Path folder;

    @Test
    void trustsExactlyTheCertificatesOfTheBundle() throws Exception {
        TestPki pki = TestPki.createOrOpen(folder.resolve("pki"));

        X509TrustManager trust = (X509TrustManager) PemTrust.trustManagers(pki.caBundle())[0];

        assertThat(trust.getAcceptedIssuers()).extracting(X509Certificate::getSubjectX500Principal)
                .extracting(Object::toString).hasSize(3)
                .allSatisfy(name -> assertThat(name).contains("TEST AC"));
    }

    @Test
    void anEmptyOrUnreadableBundleIsRefused() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.pem"), "");

        assertThatThrownBy(() -> PemTrust.trustManagers(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds no certificate");
        assertThatThrownBy(() -> PemTrust.trustManagers(folder.resolve("absent.pem"))).isInstanceOf(IOException.class);
    }
}
