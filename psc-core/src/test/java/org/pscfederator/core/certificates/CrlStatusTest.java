package org.pscfederator.core.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.core.certificates.CrlStatus.State;

/** RFC 5280 §5.1.2.4-5: a CRL's thisUpdate and nextUpdate; past nextUpdate plus the realm's grace, checks fail closed. */
@Tag("RFC5280-5.1.2.5")
class CrlStatusTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofHours(6);
    private static final Duration WARNING = Duration.ofHours(12);
    private static final X500Principal CA_NAME = new X500Principal("CN=TEST AC IGC-SANTE PERSONNES,O=ANS,C=FR");

    private static KeyPair caKeys;
    private static X509Certificate ca;

    @BeforeAll
    static void ca() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        caKeys = generator.generateKeyPair();
        X500Name name = X500Name.getInstance(CA_NAME.getEncoded());
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(NOW.minus(Duration.ofDays(365))), Date.from(NOW.plus(Duration.ofDays(365))), name,
                caKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
    }

    private static ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());
    }

    private static X509CRL crl(Instant thisUpdate, Instant nextUpdate) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(CA_NAME.getEncoded()),
                Date.from(thisUpdate));
        if (nextUpdate != null) {
            builder.setNextUpdate(Date.from(nextUpdate));
        }
        return new JcaX509CRLConverter().getCRL(builder.build(signer()));
    }

    private static CrlStatus status(Instant thisUpdate, Instant nextUpdate, Instant now) throws Exception {
        return CrlStatus.of(CA_NAME, crl(thisUpdate, nextUpdate), GRACE, WARNING, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aCrlWellBeforeItsNextUpdateIsOk() throws Exception {
        CrlStatus status = status(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)), NOW);
        assertThat(status.state()).isEqualTo(State.OK);
        assertThat(status.refuses()).isFalse();
        assertThat(status.issuer()).isEqualTo(CA_NAME);
        assertThat(status.thisUpdate()).contains(NOW.minus(Duration.ofHours(1)));
        assertThat(status.nextUpdate()).contains(NOW.plus(Duration.ofDays(7)));
        assertThat(status.refusalPoint()).contains(NOW.plus(Duration.ofDays(7)).plus(GRACE));
        assertThat(status.secondsUntilRefusal()).isEqualTo(Duration.ofDays(7).plus(GRACE).getSeconds());
    }

    @Test
    void aCrlWithinTheWarningWindowOfItsRefusalPointWarnsButCounts() throws Exception {
        // next update in 7 hours: refusal point in 13 hours, warning window 12 hours: not yet.
        assertThat(status(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(7)), NOW).state())
                .isEqualTo(State.OK);
        // next update in 5 hours: refusal point in 11 hours, inside the window.
        CrlStatus status = status(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(5)), NOW);
        assertThat(status.state()).isEqualTo(State.WARNING);
        assertThat(status.refuses()).isFalse();
        assertThat(status.secondsUntilRefusal()).isEqualTo(Duration.ofHours(11).getSeconds());
    }

    @Test
    void aCrlPastItsNextUpdateWarnsDuringTheGraceEvenWithoutAWarningWindow() throws Exception {
        CrlStatus status = CrlStatus.of(CA_NAME, crl(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofHours(1))),
                GRACE, Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(status.state()).isEqualTo(State.WARNING);
        assertThat(status.refuses()).isFalse();
        assertThat(status.secondsUntilRefusal()).isEqualTo(Duration.ofHours(5).getSeconds());
        assertThat(status.reason()).contains(CA_NAME.toString()).contains("refusals start at "
                + NOW.plus(Duration.ofHours(5)));
    }

    @Test
    void atTheRefusalPointItStillCountsAndASecondLaterItRefuses() throws Exception {
        Instant nextUpdate = NOW.minus(GRACE);
        assertThat(status(NOW.minus(Duration.ofDays(2)), nextUpdate, NOW).state()).isEqualTo(State.WARNING);
        CrlStatus past = status(NOW.minus(Duration.ofDays(2)), nextUpdate, NOW.plusSeconds(1));
        assertThat(past.state()).isEqualTo(State.REFUSING);
        assertThat(past.refuses()).isTrue();
        assertThat(past.secondsUntilRefusal()).isEqualTo(-1);
        assertThat(past.reason()).contains("stale").contains(nextUpdate.toString());
    }

    @Test
    void aCrlLongPastItsGraceRefusesForThatLong() throws Exception {
        CrlStatus status = status(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(2)), NOW);
        assertThat(status.state()).isEqualTo(State.REFUSING);
        assertThat(status.secondsUntilRefusal()).isEqualTo(-Duration.ofDays(2).minus(GRACE).getSeconds());
    }

    @Test
    void aCrlWithoutNextUpdateNeverCounts() throws Exception {
        CrlStatus status = status(NOW.minus(Duration.ofHours(1)), null, NOW);
        assertThat(status.state()).isEqualTo(State.REFUSING);
        assertThat(status.nextUpdate()).isEmpty();
        assertThat(status.refusalPoint()).contains(NOW.minus(Duration.ofHours(1)));
        assertThat(status.secondsUntilRefusal()).isLessThanOrEqualTo(0);
        assertThat(status.reason()).contains("no next update");
    }

    @Test
    void aCrlDatedInTheFutureBeyondTheClockSkewIsRefused() throws Exception {
        assertThat(status(NOW.plus(Duration.ofMinutes(4)), NOW.plus(Duration.ofDays(7)), NOW).state())
                .isEqualTo(State.OK);
        CrlStatus future = status(NOW.plus(Duration.ofMinutes(6)), NOW.plus(Duration.ofDays(7)), NOW);
        assertThat(future.state()).isEqualTo(State.REFUSING);
        assertThat(future.secondsUntilRefusal()).isZero();
        assertThat(future.reason()).contains("dated in the future");
    }

    @Test
    void noCrlReadIsUnreadableAndRefuses() {
        CrlStatus status = CrlStatus.unreadable(CA_NAME, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(status.state()).isEqualTo(State.UNREADABLE);
        assertThat(status.refuses()).isTrue();
        assertThat(status.thisUpdate()).isEmpty();
        assertThat(status.refusalPoint()).isEmpty();
        assertThat(status.secondsUntilRefusal()).isZero();
    }

    @Test
    void aNegativeGraceOrWindowIsABug() throws Exception {
        X509CRL crl = crl(NOW, NOW.plus(Duration.ofDays(1)));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThatThrownBy(() -> CrlStatus.of(CA_NAME, crl, Duration.ofHours(-1), WARNING, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrlStatus.of(CA_NAME, crl, GRACE, Duration.ofHours(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configuredCrlsApplyTheSameRuleAndNameTheLocationThatCannotBeRead(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("ca.crl");
        Files.write(file, crl(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofHours(1))).getEncoded());
        Path missing = directory.resolve("missing.crl");
        ConfiguredCrls crls = new ConfiguredCrls(List.of(file.toString(), missing.toString()), GRACE,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(crls.status(ca, WARNING).state()).isEqualTo(State.WARNING);
        assertThat(crls.currentCrl(ca)).isNotNull();
        assertThat(crls.unreadableLocations()).containsOnlyKeys(missing.toString());

        ConfiguredCrls late = new ConfiguredCrls(List.of(file.toString()), Duration.ZERO,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(late.status(ca, WARNING).state()).isEqualTo(State.REFUSING);
        assertThatThrownBy(() -> late.currentCrl(ca)).isInstanceOf(CertificateRejectedException.class)
                .hasMessageContaining("stale");
        assertThat(late.unreadableLocations()).isEmpty();

        ConfiguredCrls none = new ConfiguredCrls(List.of(missing.toString()), GRACE, Clock.fixed(NOW,
                ZoneOffset.UTC));
        assertThat(none.status(ca, WARNING).state()).isEqualTo(State.UNREADABLE);
        assertThatThrownBy(() -> none.currentCrl(ca)).isInstanceOf(CertificateRejectedException.class)
                .hasMessageContaining("no CRL signed by");
    }
}
