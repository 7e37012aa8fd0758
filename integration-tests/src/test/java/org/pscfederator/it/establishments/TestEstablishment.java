package org.pscfederator.it.establishments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.pscfederator.it.harness.SandboxServer;

/**
 * The test's provider registered in PSC's realm as an establishment's, under an alias of its own (so that its
 * pairings are the test's only), with the sandbox hospital's rule (pwd, plus one of otp hwk swk); removed at the
 * end.
 */
final class TestEstablishment implements AutoCloseable {

    static final String NAME = "Clinique de test";
    // CENTRE HOSPITALIER TEST's FINESS site: sandbox professionals 899900000219, 899900000516, 899900001019 and
    // 899900001118 work there, 899900000318 does not.
    static final String STRUCTURES = "finess:759900021";
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final EstablishmentAdmin admin;
    private final TestOpenIdProvider provider;
    private final String alias;

    private TestEstablishment(EstablishmentAdmin admin, TestOpenIdProvider provider, String alias) {
        this.admin = admin;
        this.provider = provider;
        this.alias = alias;
    }

    static TestEstablishment register(SandboxServer server, Map<String, String> settingChanges) throws Exception {
        return register(server, settingChanges, EstablishmentAdmin.FIRST_BROKER_FLOW,
                EstablishmentAdmin.POST_BROKER_FLOW, EstablishmentAdmin.MAPPER);
    }

    /** Registered with these broker flows and mapper (null: none) instead of PSC's: an operator's mistake. */
    static TestEstablishment register(SandboxServer server, Map<String, String> settingChanges, String firstBrokerFlow,
            String postBrokerFlow, String mapper) throws Exception {
        EstablishmentAdmin admin = new EstablishmentAdmin(server);
        TestOpenIdProvider provider = TestOpenIdProvider.start(server);
        String alias = "it-etab-" + Long.toString(System.currentTimeMillis(), 36) + "-" + COUNT.incrementAndGet();
        Map<String, String> settings = new LinkedHashMap<>(defaults());
        settings.putAll(settingChanges);
        try {
            admin.register(alias, provider, settings, firstBrokerFlow, postBrokerFlow, mapper);
        } catch (Exception | AssertionError e) {
            provider.close();
            throw e;
        }
        return new TestEstablishment(admin, provider, alias);
    }

    static TestEstablishment register(SandboxServer server) throws Exception {
        return register(server, Map.of());
    }

    static Map<String, String> defaults() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("pscEstablishment", "true");
        settings.put("pscEstablishmentName", NAME);
        settings.put("pscStructures", STRUCTURES);
        settings.put("pscAmrAllOf", "pwd");
        settings.put("pscAmrAnyOf", "otp hwk swk");
        settings.put("pscSubjectClaims", "sub");
        settings.put("pscPairingDays", "365");
        return settings;
    }

    String alias() {
        return alias;
    }

    TestOpenIdProvider provider() {
        return provider;
    }

    EstablishmentAdmin admin() {
        return admin;
    }

    /** The provider's next login: this local account, with a password and a one-time code. */
    TestEstablishment logsIn(String subject) {
        provider.nextLogin(TestOpenIdProvider.Identity.of(subject, "pwd", "otp"));
        return this;
    }

    @Override
    public void close() throws Exception {
        try {
            admin.remove(alias);
        } finally {
            provider.close();
        }
    }
}
