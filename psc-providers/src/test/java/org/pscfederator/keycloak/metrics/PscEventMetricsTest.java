package org.pscfederator.keycloak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

/** The events PSC's logins send, counted under the right means, outcome and reason, and nothing else counted. */
class PscEventMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PscEventMetrics metrics = new PscEventMetrics();

    @BeforeEach
    void register() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void unregister() {
        Metrics.removeRegistry(registry);
    }

    private static Event event(EventType type, String... details) {
        Event event = new Event();
        event.setType(type);
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < details.length; i += 2) {
            map.put(details[i], details[i + 1]);
        }
        event.setDetails(map);
        return event;
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Counters other tests registered in the global registry come along at zero: sums, not presence, tell. */
    private double total(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    @Test
    void aProfessionalsCardAndAStaffCardBothCountAsCard() {
        metrics.onEvent(event(EventType.LOGIN, "psc_means", "CPS", "psc_idnat", "899700218896"));
        metrics.onEvent(event(EventType.LOGIN, "psc_means", "CPS", "psc_idnat", "3500000001815646/CPAT00045"));

        assertThat(count("psc.logins", "means", "card", "outcome", "success")).isEqualTo(2);
        assertThat(total("psc.logins", "means", "establishment")).isZero();
    }

    @Test
    void aDelegatedLoginCountsAsEstablishment() {
        metrics.onEvent(event(EventType.LOGIN, "identity_provider", "hopital-demo", "username", "899700218896"));
        metrics.onEvent(event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN_ERROR, "psc_means", "establishment",
                "psc_reason", "amr_not_met"));
        metrics.onEvent(event(EventType.IDENTITY_PROVIDER_POST_LOGIN_ERROR, "psc_means", "establishment",
                "psc_reason", "pairing_expired"));
        metrics.onEvent(event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN_ERROR, "psc_means", "CPS",
                "psc_reason", "certificate_revoked"));

        assertThat(count("psc.logins", "means", "establishment", "outcome", "success")).isEqualTo(1);
        assertThat(count("psc.logins", "means", "establishment", "outcome", "refused")).isEqualTo(2);
        assertThat(count("psc.refusals", "means", "establishment", "reason", "amr_not_met")).isEqualTo(1);
        assertThat(count("psc.refusals", "means", "establishment", "reason", "pairing_expired")).isEqualTo(1);
        assertThat(count("psc.refusals", "means", "card", "reason", "certificate_revoked")).isEqualTo(1);
    }

    @Test
    void aRefusedLoginCountsItsReasonAndAnUnknownReasonIsOther() {
        metrics.onEvent(event(EventType.LOGIN_ERROR, "psc_means", "CPS", "psc_reason", "certificate_revoked"));
        metrics.onEvent(event(EventType.LOGIN_ERROR, "psc_means", "e-CPS", "psc_reason", "899700218896"));

        assertThat(count("psc.logins", "means", "card", "outcome", "refused")).isEqualTo(1);
        assertThat(count("psc.refusals", "means", "card", "reason", "certificate_revoked")).isEqualTo(1);
        assertThat(count("psc.refusals", "means", "ecps", "reason", "other"))
                .as("a value outside the reason codes never becomes a label").isEqualTo(1);
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("899700218896")));
    }

    @Test
    void cibaRefusalsAndTokensCountAsCiba() {
        metrics.onEvent(event(EventType.LOGIN_ERROR, "psc_means", "e-CPS", "psc_channel", "ciba", "psc_reason",
                "too_many_pushes"));
        metrics.onEvent(event(EventType.AUTHREQID_TO_TOKEN, "client_auth_method", "client-secret"));

        assertThat(count("psc.refusals", "means", "ciba", "reason", "too_many_pushes")).isEqualTo(1);
        assertThat(count("psc.logins", "means", "ciba", "outcome", "success")).isEqualTo(1);
        assertThat(count("psc.token.requests", "client_auth", "client_secret", "outcome", "accepted"))
                .isEqualTo(1);
    }

    @Test
    void anAcceptedClientCountsItsAuthenticationAndARefusedOneIsLeftToItsAuthenticator() {
        metrics.onEvent(event(EventType.CLIENT_LOGIN_ERROR, "client_auth_method", "psc-org-mtls", "psc_reason",
                "untrusted_issuer"));
        metrics.onEvent(event(EventType.CODE_TO_TOKEN, "psc_client_auth", "psc-org-mtls"));

        assertThat(count("psc.token.requests", "client_auth", "tls_client_auth", "outcome", "accepted"))
                .isEqualTo(1);
        assertThat(total("psc.token.requests") - total("psc.token.requests", "outcome", "accepted"))
                .as("a refusal may leave two events: the authenticator counts it once").isZero();
        PscMeters.clientRefused("tls_client_auth", "untrusted_issuer");
        assertThat(count("psc.token.requests", "client_auth", "tls_client_auth", "outcome", "refused", "reason",
                "untrusted_issuer")).isEqualTo(1);
        assertThat(count("psc.refusals", "means", "client", "reason", "untrusted_issuer")).isEqualTo(1);
    }

    @Test
    void thePhonesSideAndOtherEventsAreNotLogins() {
        metrics.onEvent(event(EventType.LOGIN_ERROR, "psc_means", "e-CPS", "psc_ecps_action", "device_answer",
                "psc_reason", "denied"));
        metrics.onEvent(event(EventType.LOGIN, "auth_method", "openid-connect"));
        metrics.onEvent(event(EventType.UPDATE_CREDENTIAL, "psc_means", "e-CPS"));

        assertThat(total("psc.logins")).isZero();
        assertThat(total("psc.refusals")).isZero();
    }
}
