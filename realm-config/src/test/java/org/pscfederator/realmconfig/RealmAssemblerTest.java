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
                "bruteForceProtected", "clientProfiles", "clientPolicies");

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

    private static String pem(String label) {
        return "-----BEGIN CERTIFICATE-----\n" + label + "\n-----END CERTIFICATE-----\n";
    }
}
