package org.pscfederator.realmconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class RealmAssemblerTest {

    private static final String TEST_CARD_CA = pem("sandbox-persons");
    private static final String TEST_ORG_CA = pem("sandbox-org");
    private static final String IGC_CARD_CA = pem("igc-personnes");
    private static final String IGC_ORG_CA = pem("igc-organisations");

    private final RealmAssembler assembler = new RealmAssembler();

    private static TrustMaterial trust(String cardCas, String orgCas) {
        return new TrustMaterial(cardCas, orgCas, "2.999.71.1.1.1", "2.999.71.1.2.1", "/var/lib/psc/crl/persons.crl",
                "http://crl.example.org/org.crl,/var/lib/psc/crl/root.crl");
    }

    @Test
    void realmWithoutCrlLocationsIsRefused() {
        assertThatThrownBy(() -> new TrustMaterial(TEST_CARD_CA, TEST_ORG_CA, "2.999.71.1.1.1", "2.999.71.1.2.1",
                " ", "/var/lib/psc/crl/org.crl")).isInstanceOf(RealmConfigException.class)
                .hasMessageContaining("CRL locations are missing");
        assertThatThrownBy(() -> new TrustMaterial(TEST_CARD_CA, TEST_ORG_CA, "not-an-oid", "2.999.71.1.2.1",
                "/a.crl", "/b.crl")).isInstanceOf(RealmConfigException.class).hasMessageContaining("not an OID");
    }

    @Test
    void variantsDifferOnlyInTrustTestIdentitiesAndSandboxRelaxations() {
        ObjectNode sandbox = assembler.assemble(RealmVariant.SANDBOX, trust(TEST_CARD_CA, TEST_ORG_CA));
        ObjectNode production = assembler.assemble(RealmVariant.PRODUCTION, trust(IGC_CARD_CA, IGC_ORG_CA));

        Set<String> differing = new HashSet<>();
        sandbox.fieldNames().forEachRemaining(name -> {
            if (!sandbox.get(name).equals(production.get(name))) {
                differing.add(name);
            }
        });
        production.fieldNames().forEachRemaining(name -> {
            if (!sandbox.has(name)) {
                differing.add(name);
            }
        });
        assertThat(differing).isSubsetOf("clients", "users", "displayName", "displayNameHtml", "attributes",
                "bruteForceProtected", "clientProfiles", "clientPolicies", "identityProviders",
                "identityProviderMappers");
        assertThat(production.has("identityProviders")).isFalse();

        ObjectNode sandboxAttributes = sandbox.get("attributes").deepCopy();
        ObjectNode productionAttributes = production.get("attributes").deepCopy();
        // e-CPS in the sandbox: an outbox instead of mail and push, higher push limits for tests and the bench.
        Set<String> ecpsRelaxed = Set.of("pscEcpsNotifications", "pscEcpsPush", "pscEcpsPushesPerIdNatPerMinute",
                "pscEcpsPushesPerIdNatPerSourcePerMinute", "pscEcpsPushesPerAddressPerMinute",
                "pscEcpsActivationsPerAddressPerHour", "pscEcpsActivationGuessesPerAddressPerHour");
        assertThat(production.at("/attributes/pscEcpsNotifications").asText()).isEqualTo("email");
        assertThat(production.at("/attributes/pscEcpsPush").asText()).isEqualTo("relay");
        assertThat(production.at("/attributes/pscEcpsPushesPerIdNatPerMinute").asText()).isEqualTo("20");
        assertThat(production.at("/attributes/pscEcpsPushesPerIdNatPerSourcePerMinute").asText()).isEqualTo("5");
        assertThat(production.at("/attributes/pscEcpsActivationGuessesPerIdNatPerHour").asText()).isEqualTo("5");
        assertThat(sandbox.at("/attributes/pscEcpsNotifications").asText()).isEqualTo("outbox");
        sandboxAttributes.remove(Set.of("pscCardTrustAnchors", "pscClientTrustAnchors", "pscClientSecretAllowed",
                "pscLoopbackRedirectsAllowed", "pscTestIdentitiesAllowed"));
        productionAttributes.remove(Set.of("pscCardTrustAnchors", "pscClientTrustAnchors"));
        sandboxAttributes.remove(ecpsRelaxed);
        productionAttributes.remove(ecpsRelaxed);
        assertThat(sandboxAttributes).isEqualTo(productionAttributes);
    }

    /** CSP Level 3: script-src 'self' runs no inline script or handler; style-src 'self' no inline style. */
    @Test
    void bothVariantsRunOnlyTheThemesOwnScriptsAndStyles() {
        for (ObjectNode realm : Set.of(assembler.assemble(RealmVariant.SANDBOX, trust(TEST_CARD_CA, TEST_ORG_CA)),
                assembler.assemble(RealmVariant.PRODUCTION, trust(IGC_CARD_CA, IGC_ORG_CA)))) {
            JsonNode headers = realm.get("browserSecurityHeaders");
            Set<String> directives = new HashSet<>();
            for (String directive : headers.get("contentSecurityPolicy").asText().split(";")) {
                directives.add(directive.strip());
            }
            assertThat(directives).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'");
            assertThat(headers.get("contentSecurityPolicy").asText()).doesNotContain("unsafe");
            // Keycloak keeps only the headers a realm names: its other defaults stay.
            assertThat(headers.get("xFrameOptions").asText()).isEqualTo("SAMEORIGIN");
            assertThat(headers.get("xContentTypeOptions").asText()).isEqualTo("nosniff");
            assertThat(headers.get("strictTransportSecurity").asText()).startsWith("max-age=");
        }
    }

    @Test
    void trustAnchorsAreTheOnesGiven() {
        ObjectNode production = assembler.assemble(RealmVariant.PRODUCTION, trust(IGC_CARD_CA, IGC_ORG_CA));

        assertThat(production.at("/attributes/pscCardTrustAnchors").asText()).isEqualTo(IGC_CARD_CA);
        assertThat(production.at("/attributes/pscClientTrustAnchors").asText()).isEqualTo(IGC_ORG_CA);
    }

    @Test
    void productionRealmHasNoTestUserNorClientSecret() {
        ObjectNode production = assembler.assemble(RealmVariant.PRODUCTION, trust(IGC_CARD_CA, IGC_ORG_CA));

        assertThat(production.has("users")).isFalse();
        // As keys: the default flows name authenticators such as client-secret, which is no secret.
        assertThat(production.findValues("secret")).isEmpty();
        assertThat(production.findValues("password")).isEmpty();
    }

    @Test
    void keycloaksUnverifiedX509ClientAuthenticatorIsInNoRealm() {
        for (RealmVariant variant : RealmVariant.values()) {
            JsonNode realm = assembler.assemble(variant, trust(TEST_CARD_CA, TEST_ORG_CA));
            assertThat(realm.toString()).as(variant.name()).doesNotContain("client-x509");
            JsonNode clientsFlow = null;
            for (JsonNode flow : realm.get("authenticationFlows")) {
                if (flow.get("alias").asText().equals(realm.get("clientAuthenticationFlow").asText())) {
                    clientsFlow = flow;
                }
            }
            assertThat(clientsFlow).isNotNull();
            assertThat(clientsFlow.get("authenticationExecutions").findValuesAsText("authenticator"))
                    .contains("psc-org-mtls");
        }
    }

    @Test
    void onlyTheSandboxAcceptsClientSecretsOfOrgCertificateClients() {
        JsonNode sandbox = assembler.assemble(RealmVariant.SANDBOX, trust(TEST_CARD_CA, TEST_ORG_CA));
        JsonNode production = assembler.assemble(RealmVariant.PRODUCTION, trust(IGC_CARD_CA, IGC_ORG_CA));

        assertThat(sandbox.at("/attributes/pscClientSecretAllowed").asText()).isEqualTo("true");
        assertThat(production.at("/attributes/pscClientSecretAllowed").isMissingNode()).isTrue();
    }

    @Test
    void productionPoliciesMakeOrgMutualTlsAndPkceMandatoryForConfidentialClients() {
        JsonNode production = assembler.assemble(RealmVariant.PRODUCTION, trust(IGC_CARD_CA, IGC_ORG_CA));

        JsonNode policy = production.at("/clientPolicies/policies").findParent("profiles");
        assertThat(production.at("/clientPolicies/policies").findValuesAsText("name")).contains("psc-trusted-space");
        assertThat(production.at("/clientPolicies/policies").toString()).contains("\"confidential\"");
        JsonNode profile = null;
        for (JsonNode candidate : production.at("/clientProfiles/profiles")) {
            if (candidate.get("name").asText().equals("psc-trusted-space")) {
                profile = candidate;
            }
        }
        assertThat(policy).isNotNull();
        assertThat(profile).isNotNull();
        assertThat(profile.get("executors").findValuesAsText("executor")).contains("secure-client-authenticator",
                "pkce-enforcer", "reject-implicit-grant", "reject-ropc-grant", "secure-redirect-uris-enforcer");
        assertThat(profile.at("/executors/0/configuration/allowed-client-authenticators").toString())
                .isEqualTo("[\"psc-org-mtls\"]");
        assertThat(production.at("/clientPolicies/policies").findValuesAsText("name"))
                .contains("psc-certificate-bound-tokens");
    }

    @Test
    void bothRealmsRefuseOtherLevelsThanEidas1OnEveryClientAndOnlyProductionRequiresAcrValues() {
        for (RealmVariant variant : RealmVariant.values()) {
            JsonNode realm = assembler.assemble(variant, trust(TEST_CARD_CA, TEST_ORG_CA));
            JsonNode policy = named(realm.at("/clientPolicies/policies"), "psc-eidas1");
            assertThat(policy.at("/conditions/0/condition").asText()).as(variant.name()).isEqualTo("any-client");
            assertThat(policy.get("conditions")).hasSize(1);
            JsonNode executors = named(realm.at("/clientProfiles/profiles"), "psc-eidas1").get("executors");
            assertThat(executors).as(variant.name()).hasSize(1);
            assertThat(executors.at("/0/executor").asText()).isEqualTo("psc-acr-eidas1");
            assertThat(executors.at("/0/configuration/acr-values-required").asText())
                    .isEqualTo(variant == RealmVariant.PRODUCTION ? "true" : "false");
            // Keycloak's oidc-acr-mapper would issue "0" after an SSO login.
            assertThat(realm.toString()).as(variant.name()).doesNotContain("oidc-acr-mapper");
            assertThat(named(realm.get("clientScopes"), "acr").get("protocolMappers").findValuesAsText("protocolMapper"))
                    .contains("psc-acr");
        }
    }

    /** ANS's guide for securing API transport: access 2 min, refresh 30 min, session 4 h at most and 30 min idle. */
    @Test
    @Tag("psc-lifetimes")
    void bothRealmsHavePscsTokenAndSessionLifetimes() {
        for (RealmVariant variant : RealmVariant.values()) {
            JsonNode realm = assembler.assemble(variant, trust(TEST_CARD_CA, TEST_ORG_CA));
            assertThat(realm.path("accessTokenLifespan").asInt()).as(variant.name()).isEqualTo(120);
            assertThat(realm.path("ssoSessionIdleTimeout").asInt()).as(variant.name()).isEqualTo(1800);
            assertThat(realm.path("clientSessionIdleTimeout").asInt()).as(variant.name()).isEqualTo(1800);
            assertThat(realm.path("ssoSessionMaxLifespan").asInt()).as(variant.name()).isEqualTo(4 * 3600);
            assertThat(realm.path("clientSessionMaxLifespan").asInt()).as(variant.name()).isEqualTo(4 * 3600);
        }
    }

    /** What a new client gets is what discovery advertises: PSC's scopes, none the directory cannot fill. */
    @Test
    @Tag("psc-discovery")
    void newClientsGetPscsScopesOnly() {
        for (RealmVariant variant : RealmVariant.values()) {
            JsonNode realm = assembler.assemble(variant, trust(TEST_CARD_CA, TEST_ORG_CA));
            assertThat(realm.get("defaultOptionalClientScopes")).as(variant.name()).extracting(JsonNode::asText)
                    .containsExactly("scope_all", "psc_idnat", "psc_practice");
            assertThat(realm.get("defaultDefaultClientScopes")).as(variant.name()).extracting(JsonNode::asText)
                    .doesNotContain("email", "offline_access", "microprofile-jwt", "organization");
        }
    }

    private static JsonNode named(JsonNode array, String name) {
        for (JsonNode element : array) {
            if (element.path("name").asText().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no element named " + name + " in " + array);
    }

    @Test
    void sandboxRealmHasTheBenchmarkBaselineClientAndUser() {
        ObjectNode sandbox = assembler.assemble(RealmVariant.SANDBOX, trust(TEST_CARD_CA, TEST_ORG_CA));

        assertThat(sandbox.get("clients")).anySatisfy(c -> assertThat(c.get("clientId").asText()).isEqualTo("psc-bench"));
        assertThat(sandbox.get("users")).anySatisfy(u -> assertThat(u.get("username").asText()).isEqualTo("bench.password"));
    }

    @Test
    void documentationCommentsAreNotPassedToKeycloak() {
        ObjectNode sandbox = assembler.assemble(RealmVariant.SANDBOX, trust(TEST_CARD_CA, TEST_ORG_CA));

        assertThat(sandbox.toString()).doesNotContain("\"_comment\"");
    }

    @Test
    void bothRealmsAskForPollModeCibaAndAllTls() {
        for (RealmVariant variant : RealmVariant.values()) {
            JsonNode realm = assembler.assemble(variant, trust(TEST_CARD_CA, TEST_ORG_CA));
            assertThat(realm.get("realm").asText()).isEqualTo("esante-wallet");
            assertThat(realm.get("sslRequired").asText()).isEqualTo("all");
            assertThat(realm.at("/attributes/cibaBackchannelTokenDeliveryMode").asText()).isEqualTo("poll");
        }
    }

    @Test
    void trustAnchorsThatAreNotPemAreRefused() {
        assertThatThrownBy(() -> trust("not a certificate", TEST_ORG_CA))
                .isInstanceOf(RealmConfigException.class)
                .hasMessageContaining("card trust anchors");
    }

    @Test
    void unknownVariantIsRefused() {
        assertThatThrownBy(() -> RealmVariant.parse("staging")).hasMessageContaining("unknown realm variant 'staging'");
    }

    @Test
    @Tag("psc-establishments")
    void bothRealmsFollowKcIdpHintBeforePscsLoginAndHaveTheEstablishmentFlows() {
        for (RealmVariant variant : RealmVariant.values()) {
            JsonNode realm = assembler.assemble(variant, trust(TEST_CARD_CA, TEST_ORG_CA));
            JsonNode browser = flow(realm, realm.get("browserFlow").asText());
            assertThat(priority(browser, "identity-provider-redirector")).as(variant.name())
                    .isGreaterThan(priority(browser, "auth-cookie")).isLessThan(priority(browser, "psc-login"));
            assertThat(flow(realm, "psc-establishment-pairing").get("authenticationExecutions")
                    .findValuesAsText("authenticator")).containsExactly("psc-establishment-pairing");
            assertThat(flow(realm, "psc-establishment-check").get("authenticationExecutions")
                    .findValuesAsText("authenticator")).containsExactly("psc-establishment-check");
            assertThat(flow(realm, "psc-establishment-check").at("/authenticationExecutions/0/requirement").asText())
                    .isEqualTo("REQUIRED");
        }
    }

    @Test
    @Tag("psc-establishments")
    void sandboxHospitalProviderUsesPscsFlowsAndMapperAndTheServersUrls() {
        ServerUrls urls = new ServerUrls("https://psc.example.test:9443/auth", "https://localhost:9443/auth");
        ObjectNode sandbox = assembler.assemble(RealmVariant.SANDBOX, trust(TEST_CARD_CA, TEST_ORG_CA), urls);

        JsonNode provider = named(sandbox.get("identityProviders"), "alias", "hopital-demo");
        assertThat(provider.get("providerId").asText()).isEqualTo("oidc");
        assertThat(flow(sandbox, provider.get("firstBrokerLoginFlowAlias").asText())).isNotNull();
        assertThat(provider.get("firstBrokerLoginFlowAlias").asText()).isEqualTo("psc-establishment-pairing");
        assertThat(provider.get("postBrokerLoginFlowAlias").asText()).isEqualTo("psc-establishment-check");
        JsonNode config = provider.get("config");
        // The browser and the issuer on the public URL; the back channel on the public port from this machine.
        assertThat(config.get("issuer").asText()).isEqualTo("https://psc.example.test:9443/auth/realms/hopital-demo");
        assertThat(config.get("authorizationUrl").asText()).startsWith("https://psc.example.test:9443/auth/realms/");
        assertThat(config.get("tokenUrl").asText())
                .isEqualTo("https://localhost:9443/auth/realms/hopital-demo/protocol/openid-connect/token");
        assertThat(config.get("jwksUrl").asText()).startsWith("https://localhost:9443/auth/realms/hopital-demo/");
        assertThat(config.get("validateSignature").asText()).isEqualTo("true");
        assertThat(config.get("pscEstablishment").asText()).isEqualTo("true");
        assertThat(config.get("pscAmrAllOf").asText()).isEqualTo("pwd");
        assertThat(config.get("pscAmrAnyOf").asText()).isEqualTo("otp hwk swk");
        JsonNode mapper = named(sandbox.get("identityProviderMappers"), "identityProviderAlias", "hopital-demo");
        assertThat(mapper.get("identityProviderMapper").asText()).isEqualTo("psc-establishment");
    }

    /** The hospital vouches for a structure of the sandbox directory that test professionals work at. */
    @Test
    @Tag("psc-establishments")
    void sandboxHospitalVouchesForAStructureOfTheSandboxDirectory() throws Exception {
        ObjectNode sandbox = assembler.assemble(RealmVariant.SANDBOX, trust(TEST_CARD_CA, TEST_ORG_CA));
        String structures = named(sandbox.get("identityProviders"), "alias", "hopital-demo")
                .at("/config/pscStructures").asText();
        String directory;
        try (var in = RealmAssemblerTest.class.getClassLoader()
                .getResourceAsStream("directory/PS_LibreAcces_Personne_activite_sandbox.txt")) {
            directory = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String entry : structures.split(",")) {
            assertThat(entry).matches("finess:[0-9]{9}");
            assertThat(directory).contains("|" + entry.substring("finess:".length()) + "|");
        }
    }

    @Test
    @Tag("psc-establishments")
    void sandboxHospitalRealmAssertsPwdAndOtpToPscsBroker() {
        ServerUrls urls = new ServerUrls("https://psc.example.test:9443/auth", "https://localhost:9443/auth");
        ObjectNode hospital = assembler.companions(RealmVariant.SANDBOX, urls).get("hopital-demo");
        ObjectNode sandbox = assembler.assemble(RealmVariant.SANDBOX, trust(TEST_CARD_CA, TEST_ORG_CA), urls);

        assertThat(hospital.get("realm").asText()).isEqualTo("hopital-demo");
        assertThat(hospital.toString()).doesNotContain("\"_comment\"", "{{psc:");
        JsonNode forms = flow(hospital, "forms");
        assertThat(referenceValue(hospital, forms, "auth-username-password-form")).isEqualTo("pwd");
        assertThat(referenceValue(hospital, flow(hospital, "Browser - Conditional OTP"), "auth-otp-form"))
                .isEqualTo("otp");
        // Keycloak counts a reference value only for maxAge seconds after the login; 0 would drop it at once.
        for (JsonNode config : hospital.get("authenticatorConfig")) {
            assertThat(config.at("/config/default.reference.maxAge").asInt()).isGreaterThanOrEqualTo(3600);
        }
        JsonNode client = named(hospital.get("clients"), "clientId", "psc-federator");
        assertThat(client.get("redirectUris").get(0).asText())
                .isEqualTo("https://psc.example.test:9443/auth/realms/esante-wallet/broker/hopital-demo/endpoint");
        JsonNode amr = named(client.get("protocolMappers"), "protocolMapper", "oidc-amr-mapper");
        assertThat(amr.at("/config/id.token.claim").asText()).isEqualTo("true");
        JsonNode provider = named(sandbox.get("identityProviders"), "alias", "hopital-demo").get("config");
        assertThat(provider.get("clientId").asText()).isEqualTo("psc-federator");
        assertThat(provider.get("clientSecret").asText()).isEqualTo(client.get("secret").asText());
    }

    @Test
    @Tag("psc-establishments")
    void sandboxHospitalStaffHaveBase32TotpSecretsButOne() throws Exception {
        ObjectNode hospital = assembler.companions(RealmVariant.SANDBOX, ServerUrls.SANDBOX_DEFAULT).get("hopital-demo");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int withoutOtp = 0;
        for (JsonNode user : hospital.get("users")) {
            JsonNode otp = null;
            for (JsonNode credential : user.get("credentials")) {
                if (credential.get("type").asText().equals("otp")) {
                    otp = credential;
                }
            }
            if (otp == null) {
                withoutOtp++;
                continue;
            }
            JsonNode data = json.readTree(otp.get("credentialData").asText());
            assertThat(data.get("secretEncoding").asText()).as(user.get("username").asText()).isEqualTo("BASE32");
            assertThat(data.get("subType").asText()).isEqualTo("totp");
            assertThat(json.readTree(otp.get("secretData").asText()).get("value").asText()).matches("[A-Z2-7]{32}");
        }
        assertThat(withoutOtp).isEqualTo(1);
    }

    /** Keycloak stores a flow's description in a 255-character column: a longer one stops the import. */
    @Test
    void everyFlowDescriptionFitsKeycloaksColumn() {
        java.util.List<JsonNode> realms = new java.util.ArrayList<>();
        for (RealmVariant variant : RealmVariant.values()) {
            realms.add(assembler.assemble(variant, trust(TEST_CARD_CA, TEST_ORG_CA)));
            realms.addAll(assembler.companions(variant, ServerUrls.SANDBOX_DEFAULT).values());
        }
        for (JsonNode realm : realms) {
            for (JsonNode flow : realm.get("authenticationFlows")) {
                assertThat(flow.path("description").asText().length()).as(flow.get("alias").asText())
                        .isLessThanOrEqualTo(255);
            }
        }
    }

    @Test
    void productionHasNoCompanionRealm() {
        assertThat(assembler.companions(RealmVariant.PRODUCTION, ServerUrls.SANDBOX_DEFAULT)).isEmpty();
    }

    @Test
    void serverUrlsThatAreNotHttpsBasesAreRefused() {
        for (String bad : new String[] {"http://localhost:8443/auth", "https://localhost:8443/auth/", "localhost",
                "https://localhost:8443/auth?x=1", null}) {
            assertThatThrownBy(() -> new ServerUrls(bad, "https://localhost:8443/auth")).as(String.valueOf(bad))
                    .isInstanceOf(RealmConfigException.class).hasMessageContaining("public URL");
        }
    }

    private static JsonNode flow(JsonNode realm, String alias) {
        return named(realm.get("authenticationFlows"), "alias", alias);
    }

    private static int priority(JsonNode flow, String authenticator) {
        return named(flow.get("authenticationExecutions"), "authenticator", authenticator).get("priority").asInt();
    }

    private static String referenceValue(JsonNode realm, JsonNode flow, String authenticator) {
        String alias = named(flow.get("authenticationExecutions"), "authenticator", authenticator)
                .get("authenticatorConfig").asText();
        return named(realm.get("authenticatorConfig"), "alias", alias).at("/config/default.reference.value").asText();
    }

    private static JsonNode named(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " " + value + " in " + array);
    }

    private static String pem(String label) {
        return "-----BEGIN CERTIFICATE-----\n" + label + "\n-----END CERTIFICATE-----\n";
    }
}
