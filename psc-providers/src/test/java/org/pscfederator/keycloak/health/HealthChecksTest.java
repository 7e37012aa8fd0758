package org.pscfederator.keycloak.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.core.certificates.CrlStatus;
import org.pscfederator.core.settings.TrustUse;
import org.pscfederator.keycloak.health.HealthChecks.DirectoryReading;
import org.pscfederator.keycloak.health.HealthChecks.TrustReading;
import org.pscfederator.keycloak.health.HealthReport.Check;
import org.pscfederator.keycloak.health.HealthReport.State;
import org.pscfederator.testpki.CaRole;
import org.pscfederator.testpki.TestPki;

/** The operations health check's rules: CRL states, unreadable sources, an old directory, bad settings. */
class HealthChecksTest {

    private static final Duration GRACE = Duration.ofHours(6);
    private static final Duration WARNING = Duration.ofHours(24);
    private static final Duration MAX_AGE = Duration.ofDays(8);

    @TempDir
    Path directory;

    private CrlStatus status(Instant now, Instant nextUpdate) throws Exception {
        TestPki pki = TestPki.createOrOpen(directory.resolve("pki"));
        pki.signCrls(now.minus(Duration.ofDays(8)), nextUpdate);
        X509CRL crl;
        try (InputStream in = Files.newInputStream(pki.crlFile(CaRole.PERSONS))) {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
        return CrlStatus.of(pki.caCertificate(CaRole.PERSONS).getSubjectX500Principal(), crl, GRACE, WARNING,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static HealthReport report(Instant now, TrustReading card, DirectoryReading national) {
        return HealthChecks.report(now, Map.of(TrustUse.CARD, card), national, MAX_AGE, List.of());
    }

    private static DirectoryReading importedOn(Instant at) {
        return new DirectoryReading(Optional.of(at), null);
    }

    @Test
    void freshCrlsAndARecentDirectoryAreOk() throws Exception {
        Instant now = Instant.now();
        HealthReport report = report(now, TrustReading.of(List.of(status(now, now.plus(Duration.ofDays(7)))),
                Map.of()), importedOn(now.minus(Duration.ofDays(1))));

        assertThat(report.overall()).isEqualTo(State.OK);
        assertThat(report.crls()).singleElement().satisfies(crl -> {
            assertThat(crl.ca()).isEqualTo("TEST AC PSC SANDBOX PERSONNES");
            assertThat(crl.use()).isEqualTo(TrustUse.CARD);
        });
    }

    @Test
    void aCrlPastItsNextUpdateWarnsAndOnePastItsGraceFails() throws Exception {
        Instant now = Instant.now();
        HealthReport late = report(now, TrustReading.of(List.of(status(now, now.minus(Duration.ofHours(1)))),
                Map.of()), importedOn(now));
        assertThat(late.checks().get(Check.CRL).state()).isEqualTo(State.WARNING);
        assertThat(late.checks().get(Check.CRL).problems()).singleElement().asString()
                .contains("TEST AC PSC SANDBOX PERSONNES");

        HealthReport stale = report(now, TrustReading.of(List.of(status(now, now.minus(Duration.ofHours(7)))),
                Map.of()), importedOn(now));
        assertThat(stale.checks().get(Check.CRL).state()).isEqualTo(State.FAILING);
        assertThat(stale.overall()).isEqualTo(State.FAILING);
    }

    @Test
    void anUnreadableSourceWarnsWhileWhatWasReadStillCounts() throws Exception {
        Instant now = Instant.now();
        HealthReport report = report(now, TrustReading.of(List.of(status(now, now.plus(Duration.ofDays(7)))),
                Map.of("https://crl.example/ac.crl", "IOException: answered HTTP 404")), importedOn(now));

        assertThat(report.checks().get(Check.CRL).state()).isEqualTo(State.OK);
        assertThat(report.checks().get(Check.CRL_SOURCE).state()).isEqualTo(State.WARNING);
        assertThat(report.checks().get(Check.CRL_SOURCE).problems()).singleElement().asString()
                .contains("https://crl.example/ac.crl").contains("404");
    }

    @Test
    void anOldOrMissingDirectoryWarnsAndAnUnreadableOneFails() {
        Instant now = Instant.now();
        TrustReading none = TrustReading.of(List.of(), Map.of());
        assertThat(report(now, none, importedOn(now.minus(Duration.ofDays(7)))).checks().get(Check.DIRECTORY)
                .state()).isEqualTo(State.OK);
        assertThat(report(now, none, importedOn(now.minus(Duration.ofDays(9)))).checks().get(Check.DIRECTORY)
                .state()).isEqualTo(State.WARNING);
        assertThat(report(now, none, new DirectoryReading(Optional.empty(), null)).checks().get(Check.DIRECTORY)
                .state()).isEqualTo(State.WARNING);
        assertThat(report(now, none, new DirectoryReading(Optional.empty(), "SQLException: gone")).checks()
                .get(Check.DIRECTORY).state()).isEqualTo(State.FAILING);
    }

    @Test
    void trustThatCannotBeBuiltFailsTheSettingsCheck() {
        HealthReport report = report(Instant.now(), TrustReading.failed("realm attribute pscCardCrls is not set"),
                importedOn(Instant.now()));

        assertThat(report.checks().get(Check.SETTINGS).state()).isEqualTo(State.FAILING);
        assertThat(report.checks().get(Check.SETTINGS).problems()).singleElement().asString()
                .contains("pscCardCrls");
    }

    @Test
    void eachChangeOfStateIsLoggedOnceNotAtEveryCheck() throws Exception {
        Instant now = Instant.now();
        StateChanges changes = new StateChanges();
        HealthReport ok = report(now, TrustReading.of(List.of(status(now, now.plus(Duration.ofDays(7)))), Map.of()),
                importedOn(now));
        HealthReport late = report(now, TrustReading.of(List.of(status(now, now.minus(Duration.ofHours(1)))),
                Map.of()), importedOn(now));

        assertThat(changes.log(ok)).as("all well at start: nothing to say").isZero();
        assertThat(changes.log(late)).as("the check and the CA's CRL").isEqualTo(2);
        assertThat(changes.log(late)).isZero();
        assertThat(changes.log(late)).isZero();
        assertThat(changes.log(ok)).as("back to normal").isEqualTo(2);
    }
}
