package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@code idp show} prints: PSC's settings as the server reads them, why they are refused, never the secret. */
@Tag("psc-establishments")
class EstablishmentReportTest {

    private static ObjectNode provider(String structures) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree("""
                {"alias": "chu-demo", "enabled": true, "firstBrokerLoginFlowAlias": "psc-establishment-pairing",
                 "postBrokerLoginFlowAlias": "psc-establishment-check",
                 "config": {"clientId": "psc", "clientSecret": "s3cret-value", "clientAuthMethod": "client_secret_basic",
                            "issuer": "https://idp.example/realms/staff", "pscEstablishment": "true",
                            "pscEstablishmentName": "CHU de Démo", "pscStructures": "%s", "pscAmrAllOf": "pwd"}}
                """.formatted(structures));
    }

    @Test
    void validSettingsAreShownWithTheServersDefaultsAndNeverTheSecret() throws Exception {
        ObjectNode provider = provider("finess:759900020");
        String text = EstablishmentReport.text("esante-wallet", provider, List.of("psc-establishment"));

        assertThat(text).contains("identity provider chu-demo in realm esante-wallet: enabled", "finess:759900020",
                "amr all of     pwd", "amr one of     hwk otp swk", "pairing days   365", "PSC mapper     psc-establishment")
                .doesNotContain("s3cret-value");
        ObjectNode document = EstablishmentReport.document("esante-wallet", provider, List.of("psc-establishment"));
        assertThat(document.get("settingsValid").asBoolean()).isTrue();
        assertThat(document.toString()).doesNotContain("s3cret-value", "clientSecret");
    }

    @Test
    void invalidSettingsOrAMissingMapperAreSaidPlainly() throws Exception {
        ObjectNode provider = provider("finess:12");
        String text = EstablishmentReport.text("esante-wallet", provider, List.of());

        assertThat(text).contains("INVALID, every login through it is refused: pscStructures: ",
                "MISSING (no PSC check runs");
        ObjectNode document = EstablishmentReport.document("esante-wallet", provider, List.of());
        assertThat(document.get("settingsValid").asBoolean()).isFalse();
        assertThat(document.get("settingsProblem").asText()).startsWith("pscStructures: ");
        assertThat(document.get("pscMapper").asBoolean()).isFalse();
    }
}
