package org.pscfederator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.core.establishments.EstablishmentSettings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.TypeConversionException;

/** The identity provider {@code idp register} builds from an operator's options, and what it refuses. */
@Tag("psc-establishments")
class EstablishmentRegistrationTest {

    private static final URI DISCOVERY = URI.create("https://idp.chu-demo.example/realms/staff/.well-known/openid-configuration");
    private static final Map<String, String> IMPORTED = Map.of("issuer", "https://idp.chu-demo.example/realms/staff",
            "authorizationUrl", "https://idp.chu-demo.example/realms/staff/auth",
            "tokenUrl", "https://idp.chu-demo.example/realms/staff/token",
            "jwksUrl", "https://idp.chu-demo.example/realms/staff/certs",
            "userInfoUrl", "https://idp.chu-demo.example/realms/staff/userinfo",
            "validateSignature", "false", "clientSecret", "from-discovery");

    @TempDir
    Path folder;

    private static Map<String, String> settings() {
        return EstablishmentRegistration.settings("CHU de Démo", "finess:759900020, siret:99999999900011", "pwd",
                null, null, 180);
    }

    @Test
    void theProviderUsesPscsFlowsMapperPkceAndTheDiscoveredEndpoints() throws Exception {
        ObjectNode provider = EstablishmentRegistration.representation(new EstablishmentRegistration.Request(
                "chu-demo", DISCOVERY, "psc", EstablishmentRegistration.ClientAuthentication.SECRET, "s3cret",
                settings()), EstablishmentRegistration.endpoints(DISCOVERY, IMPORTED));

        assertThat(provider.get("alias").asText()).isEqualTo("chu-demo");
        assertThat(provider.get("providerId").asText()).isEqualTo("oidc");
        assertThat(provider.get("displayName").asText()).isEqualTo("CHU de Démo");
        assertThat(provider.get("firstBrokerLoginFlowAlias").asText()).isEqualTo("psc-establishment-pairing");
        assertThat(provider.get("postBrokerLoginFlowAlias").asText()).isEqualTo("psc-establishment-check");
        assertThat(provider.get("trustEmail").asBoolean()).isFalse();
        ObjectNode config = (ObjectNode) provider.get("config");
        assertThat(config.get("issuer").asText()).isEqualTo("https://idp.chu-demo.example/realms/staff");
        assertThat(config.get("tokenUrl").asText()).endsWith("/token");
        // What the discovery import also carries never overrides PSC's own choices.
        assertThat(config.get("validateSignature").asText()).isEqualTo("true");
        assertThat(config.get("clientSecret").asText()).isEqualTo("s3cret");
        assertThat(config.get("clientAuthMethod").asText()).isEqualTo("client_secret_basic");
        assertThat(config.get("pkceEnabled").asText()).isEqualTo("true");
        assertThat(config.get("pkceMethod").asText()).isEqualTo("S256");
        assertThat(config.get("pscEstablishment").asText()).isEqualTo("true");
        assertThat(config.get("pscStructures").asText()).isEqualTo("finess:759900020,siret:99999999900011");
        assertThat(config.get("pscAmrAllOf").asText()).isEqualTo("pwd");
        assertThat(config.has("pscAmrAnyOf")).as("not given: the server's default applies").isFalse();
        assertThat(config.get("pscPairingDays").asText()).isEqualTo("180");

        Map<String, String> asServerReadsIt = new LinkedHashMap<>();
        config.fields().forEachRemaining(field -> asServerReadsIt.put(field.getKey(), field.getValue().asText()));
        EstablishmentSettings read = EstablishmentSettings.of(asServerReadsIt);
        assertThat(read.amrRule().anyOf()).containsExactlyInAnyOrder("otp", "hwk", "swk");
        assertThat(read.pairingDays()).isEqualTo(180);

        ObjectNode mapper = EstablishmentRegistration.mapper("chu-demo");
        assertThat(mapper.get("identityProviderMapper").asText()).isEqualTo("psc-establishment");
        assertThat(mapper.get("identityProviderAlias").asText()).isEqualTo("chu-demo");
    }

    @Test
    void privateKeyJwtCarriesNoSecret() throws Exception {
        ObjectNode provider = EstablishmentRegistration.representation(new EstablishmentRegistration.Request(
                "chu-demo", DISCOVERY, "psc", EstablishmentRegistration.ClientAuthentication.PRIVATE_KEY_JWT, null,
                settings()), EstablishmentRegistration.endpoints(DISCOVERY, IMPORTED));

        assertThat(provider.at("/config/clientAuthMethod").asText()).isEqualTo("private_key_jwt");
        assertThat(provider.at("/config/clientSecret").isMissingNode()).isTrue();
    }

    @Test
    void invalidSettingsAreRefusedNamingTheOptionAndTheAttribute() {
        assertThatThrownBy(() -> EstablishmentRegistration.settings("CHU", "finess:123", null, null, null, null))
                .isInstanceOf(TypeConversionException.class).hasMessageStartingWith("--structures: pscStructures: ");
        assertThatThrownBy(() -> EstablishmentRegistration.settings("CHU", "finess:759900020", null, null, "email",
                null)).hasMessageStartingWith("--subject-claims: pscSubjectClaims: ");
        assertThatThrownBy(() -> EstablishmentRegistration.settings("CHU", "finess:759900020", null, null, null,
                0)).hasMessageStartingWith("--pairing-days: pscPairingDays: ");
        assertThatThrownBy(() -> EstablishmentRegistration.settings("CHU", "finess:759900020", null, null, null,
                3651)).hasMessageStartingWith("--pairing-days: pscPairingDays: ");
        assertThatThrownBy(() -> EstablishmentRegistration.settings("x".repeat(121), "finess:759900020", null, null,
                null, null)).hasMessageStartingWith("--name: pscEstablishmentName: ");
    }

    @Test
    void exactlyOneClientAuthenticationIsTaken() {
        Path secret = folder.resolve("secret");
        assertThat(EstablishmentRegistration.authentication(secret, false, false))
                .isEqualTo(EstablishmentRegistration.ClientAuthentication.SECRET);
        assertThat(EstablishmentRegistration.authentication(null, true, false))
                .isEqualTo(EstablishmentRegistration.ClientAuthentication.PRIVATE_KEY_JWT);
        assertThatThrownBy(() -> EstablishmentRegistration.authentication(secret, true, false))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> EstablishmentRegistration.authentication(null, false, false))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> EstablishmentRegistration.authentication(null, false, true))
                .hasMessageStartingWith("--tls-client-auth: ");
    }

    @Test
    void theSecretIsTheFilesFirstLineAndAnEmptyOneIsRefused() throws Exception {
        assertThat(EstablishmentRegistration.secret(Files.writeString(folder.resolve("s"), "  s3cret \nnext\n")))
                .isEqualTo("s3cret");
        Path empty = Files.writeString(folder.resolve("empty"), "\n");
        assertThatThrownBy(() -> EstablishmentRegistration.secret(empty)).hasMessageStartingWith(
                "--client-secret-file: the first line").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> EstablishmentRegistration.secret(folder.resolve("missing")))
                .hasMessageStartingWith("--client-secret-file: cannot read");
    }

    @Test
    void badAliasesAndDiscoveryUrlsAreRefused() {
        for (String alias : new String[] {"", "-x", "a/b", "chu demo", "x".repeat(65)}) {
            assertThatThrownBy(() -> EstablishmentRegistration.alias("--alias", alias)).as(alias)
                    .hasMessageStartingWith("--alias: ");
        }
        for (String url : new String[] {"http://idp.example/.well-known/openid-configuration",
                "https://idp.example/realms/staff", "https://user@idp.example/.well-known/openid-configuration",
                "not a url"}) {
            assertThatThrownBy(() -> EstablishmentRegistration.discovery(url)).as(url)
                    .hasMessageStartingWith("--discovery: ");
        }
        assertThat(EstablishmentRegistration.discovery(DISCOVERY.toString())).isEqualTo(DISCOVERY);
    }

    @Test
    void aDiscoveryWithoutKeysOrWithAPlainHttpEndpointRegistersNothing() {
        Map<String, String> noKeys = new LinkedHashMap<>(IMPORTED);
        noKeys.remove("jwksUrl");
        assertThatThrownBy(() -> EstablishmentRegistration.endpoints(DISCOVERY, noKeys))
                .isInstanceOf(AdminException.class).hasMessageContaining("names no jwksUrl");
        Map<String, String> plain = new LinkedHashMap<>(IMPORTED);
        plain.put("tokenUrl", "http://idp.chu-demo.example/token");
        assertThatThrownBy(() -> EstablishmentRegistration.endpoints(DISCOVERY, plain))
                .hasMessageContaining("tokenUrl that is not https");
        assertThat(EstablishmentRegistration.DISCOVERED).doesNotContain("clientSecret", "validateSignature");
        assertThat(List.copyOf(EstablishmentRegistration.DISCOVERED)).contains("issuer", "jwksUrl");
    }
}
