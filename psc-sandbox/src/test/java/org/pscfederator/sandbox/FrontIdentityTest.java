package org.pscfederator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front's key towards Keycloak: fresh at each start, and only its certificate on disk. */
class FrontIdentityTest {

    @TempDir
    Path folder;

    @Test
    void trustStoreHoldsTheFrontsCertificateAndNoKey() throws Exception {
        FrontIdentity front = FrontIdentity.generate();
        Path file = folder.resolve("conf").resolve("front-trust.p12");

        front.writeTrustStore(file);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, front.trustStorePassword().toCharArray());
        }
        assertThat(Collections.list(store.aliases())).hasSize(1).allSatisfy(alias -> {
            assertThat(store.isCertificateEntry(alias)).isTrue();
            assertThat(store.getCertificate(alias)).isEqualTo(front.certificate());
        });
    }

    @Test
    void eachStartMakesANewKeyAndPassword() {
        FrontIdentity first = FrontIdentity.generate();
        FrontIdentity second = FrontIdentity.generate();

        assertThat(second.certificate().getPublicKey()).isNotEqualTo(first.certificate().getPublicKey());
        assertThat(second.trustStorePassword()).isNotEqualTo(first.trustStorePassword());
    }

    @Test
    void frontPresentsTheCertificateKeycloakTrusts() {
        FrontIdentity front = FrontIdentity.generate();

        String alias = front.keyManager().chooseClientAlias(new String[] {"EC"}, null, null);

        assertThat(front.keyManager().getCertificateChain(alias)).containsExactly(front.certificate());
    }
}
