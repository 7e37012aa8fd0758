package org.pscfederator.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pscfederator.core.settings.EcpsSettings.Notifications;
import org.pscfederator.core.settings.EcpsSettings.PushChannel;

class RealmSettingsTest {

    private static final Map<String, String> TRUST = Map.of("pscCardTrustAnchors", "-----BEGIN CERTIFICATE-----",
            "pscCardPolicyOid", "1.2.250.1.71.4.2.1", "pscCardCrls", " /etc/psc/a.crl, https://ca.example/b.crl ,");

    @Test
    void anEmptyRealmGetsTheDefaults() {
        RealmSettings settings = RealmSettings.of(Map.of());
        assertThat(settings.ecps()).isEqualTo(new EcpsSettings(120, 20, 5, 30, 90, 3, 10, 5, 20,
                Notifications.EMAIL, PushChannel.RELAY));
        assertThat(settings.cardIdNatPattern().pattern()).isEqualTo("^(.+)$");
        assertThat(settings.clientSecretAllowed()).isFalse();
        assertThat(settings.signedUserInfo()).isFalse();
    }

    @Test
    void blankValuesAreAbsentOnes() {
        assertThat(RealmSettings.of(Map.of("pscEcpsRequestSeconds", "  ", "pscEcpsPush", "")).ecps())
                .isEqualTo(RealmSettings.of(Map.of()).ecps());
    }

    @Test
    void valuesInRangeAreRead() {
        EcpsSettings ecps = RealmSettings.of(Map.of("pscEcpsRequestSeconds", " 600 ", "pscEcpsPush", "outbox",
                "pscEcpsNotifications", "outbox", "pscEcpsPushesPerAddressPerMinute", "10000")).ecps();
        assertThat(ecps.requestSeconds()).isEqualTo(600);
        assertThat(ecps.push()).isEqualTo(PushChannel.OUTBOX);
        assertThat(ecps.notifications()).isEqualTo(Notifications.OUTBOX);
        assertThat(ecps.pushesPerAddressPerMinute()).isEqualTo(10_000);
        assertThat(RealmSettings.of(Map.of("pscClientSecretAllowed", "true", "pscSignedUserInfo", "true")))
                .satisfies(s -> assertThat(s.clientSecretAllowed()).isTrue())
                .satisfies(s -> assertThat(s.signedUserInfo()).isTrue());
    }

    @ParameterizedTest
    @CsvSource({
        "pscEcpsRequestSeconds, 9",
        "pscEcpsRequestSeconds, 601",
        "pscEcpsRequestSeconds, two minutes",
        "pscEcpsPushesPerIdNatPerMinute, 0",
        "pscEcpsPushesPerIdNatPerSourcePerMinute, -1",
        "pscEcpsPushesPerAddressPerMinute, 10001",
        "pscEcpsActivationCodeSeconds, 29",
        "pscEcpsActivationsPerIdNatPerHour, 101",
        "pscEcpsActivationsPerAddressPerHour, 1.5",
        "pscEcpsActivationGuessesPerIdNatPerHour, 0",
        "pscEcpsActivationGuessesPerAddressPerHour, 99999",
        "pscEcpsNotifications, sms",
        "pscEcpsPush, rellay",
        "pscEcpsPush, RELAY",
    })
    void aBadEcpsValueFailsNamingTheAttribute(String attribute, String value) {
        assertThatThrownBy(() -> RealmSettings.of(Map.of(attribute, value)).ecps())
                .isInstanceOf(RealmSettingException.class).hasMessageContaining(attribute)
                .satisfies(e -> assertThat(((RealmSettingException) e).setting().attribute()).isEqualTo(attribute));
    }

    @ParameterizedTest
    @CsvSource({"pscClientSecretAllowed, yes", "pscClientSecretAllowed, 1", "pscSignedUserInfo, True ish"})
    void aBadFlagFailsNamingTheAttribute(String attribute, String value) {
        RealmSettings settings = RealmSettings.of(Map.of(attribute, value));
        assertThatThrownBy(() -> {
            settings.clientSecretAllowed();
            settings.signedUserInfo();
        }).isInstanceOf(RealmSettingException.class).hasMessageContaining(attribute);
    }

    @Test
    void aBadIdNatPatternFailsNamingTheAttribute() {
        assertThatThrownBy(() -> RealmSettings.of(Map.of("pscCardIdNatPattern", "^(.+$")).cardIdNatPattern())
                .isInstanceOf(RealmSettingException.class).hasMessageContaining("pscCardIdNatPattern");
        assertThatThrownBy(() -> RealmSettings.of(Map.of("pscCardIdNatPattern", "^.+$")).cardIdNatPattern())
                .hasMessageContaining("pscCardIdNatPattern").hasMessageContaining("group 1");
    }

    @Test
    void trustIsReadWithItsGrace() {
        TrustSettings trust = RealmSettings.of(TRUST).trust(TrustUse.CARD);
        assertThat(trust.policyOid()).isEqualTo("1.2.250.1.71.4.2.1");
        assertThat(trust.crlLocations()).containsExactly("/etc/psc/a.crl", "https://ca.example/b.crl");
        assertThat(trust.crlGrace()).isEqualTo(Duration.ofHours(6));
        assertThat(RealmSettings.of(with(TRUST, "pscCrlGraceHours", "0")).trust(TrustUse.CARD).crlGrace())
                .isZero();
    }

    @Test
    void equalAttributesReadEqualTrust() {
        assertThat(RealmSettings.of(TRUST).trust(TrustUse.CARD)).isEqualTo(RealmSettings.of(new HashMap<>(TRUST))
                .trust(TrustUse.CARD)).isNotEqualTo(RealmSettings.of(with(TRUST, "pscCrlGraceHours", "7"))
                        .trust(TrustUse.CARD));
    }

    @Test
    void aMissingTrustSettingFailsNamingIt() {
        for (String attribute : List.of("pscCardTrustAnchors", "pscCardPolicyOid", "pscCardCrls")) {
            Map<String, String> partial = new HashMap<>(TRUST);
            partial.remove(attribute);
            assertThatThrownBy(() -> RealmSettings.of(partial).trust(TrustUse.CARD))
                    .isInstanceOf(RealmSettingException.class).hasMessageContaining(attribute + " is not set");
        }
        assertThatThrownBy(() -> RealmSettings.of(TRUST).trust(TrustUse.CLIENT))
                .hasMessageContaining("pscClientTrustAnchors");
    }

    @ParameterizedTest
    @CsvSource({"pscCardPolicyOid, AUTH_CLI", "pscCardPolicyOid, 1.2..3", "pscCardCrls, ldap://ca.example/crl",
        "pscCrlGraceHours, 721", "pscCrlGraceHours, -1", "pscCrlGraceHours, six"})
    void aBadTrustValueFailsNamingTheAttribute(String attribute, String value) {
        assertThatThrownBy(() -> RealmSettings.of(with(TRUST, attribute, value)).trust(TrustUse.CARD))
                .isInstanceOf(RealmSettingException.class).hasMessageContaining(attribute);
    }

    @Test
    void aBadValueOfOnePartLeavesTheOthersReadable() {
        RealmSettings settings = RealmSettings.of(with(TRUST, "pscEcpsPush", "rellay"));
        assertThat(settings.trust(TrustUse.CARD)).isNotNull();
        assertThatThrownBy(settings::ecps).hasMessageContaining("pscEcpsPush");
    }

    @Test
    void everyDefaultIsInItsOwnRange() {
        for (RealmSetting setting : RealmSetting.values()) {
            if (setting.defaultValue() != null) {
                setting.range().check(setting.defaultValue());
            }
        }
    }

    private static Map<String, String> with(Map<String, String> base, String attribute, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(attribute, value);
        return copy;
    }
}
