package org.pscfederator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.pscfederator.core.certificates.PemTrust;

import picocli.CommandLine.TypeConversionException;
import org.junit.jupiter.api.io.TempDir;

class TrustBundleTest {

    @Test
    void trustIsExactlyTheBundlesCertificates() throws Exception {
        Path pem = Path.of(getClass().getResource("/two-certificates.pem").toURI());
        assertThat(PemTrust.certificates(pem)).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=bench test CA", "CN=localhost");
        X509TrustManager trust = (X509TrustManager) TrustBundle.trustManagers(pem)[0];
        assertThat(trust.getAcceptedIssuers()).extracting(X509Certificate::getSubjectX500Principal)
                .extracting(Object::toString).containsExactlyInAnyOrder("CN=bench test CA", "CN=localhost");
    }

    @Test
    void fileWithoutCertificatesIsRefused(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        assertThatThrownBy(() -> TrustBundle.trustManagers(empty))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("no PEM certificate");
    }
}
