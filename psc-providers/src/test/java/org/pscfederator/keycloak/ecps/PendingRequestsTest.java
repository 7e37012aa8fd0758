package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.pscfederator.core.settings.EcpsSettings;

class PendingRequestsTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final PendingRequests requests = new PendingRequests(store);
    private static final PushSource BROWSER = PushSource.browser("10.0.0.1");

    @RepeatedTest(50)
    void threeDistinctTwoDigitCodesOneOfThemShown() {
        EcpsRequest request = requests.open("899700366240", BROWSER, "rp", null, 120);

        assertThat(request.choices()).hasSize(3).doesNotHaveDuplicates().contains(request.shownCode())
                .allMatch(code -> code.matches("[1-9][0-9]"));
        assertThat(request.id()).matches("[0-9a-f]{32}");
    }

    @Test
    void theShownCodeIsNotAlwaysInTheSamePlace() {
        Set<Integer> positions = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            EcpsRequest request = requests.open("899700366240", BROWSER, "rp", null, 120);
            positions.add(request.choices().indexOf(request.shownCode()));
        }
        assertThat(positions).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aBindingMessageOfTwoDigitsIsTheShownCode() {
        assertThat(requests.open("899700366240", BROWSER, "rp", "42", 120).shownCode()).isEqualTo("42");
        assertThat(requests.open("899700366240", BROWSER, "rp", "<b>", 120).shownCode()).matches("[0-9]{2}");
    }

    @Test
    void aNewRequestReplacesTheOutstandingOne() {
        EcpsRequest first = requests.open("899700366240", BROWSER, "rp", null, 120);
        EcpsRequest second = requests.open("899700366240", BROWSER, "rp", null, 120);

        assertThat(requests.isCurrent(first)).isFalse();
        assertThat(requests.isCurrent(second)).isTrue();
        assertThat(requests.current("899700366240")).map(EcpsRequest::id).contains(second.id());
        assertThat(requests.current("899700218896")).isEmpty();
    }

    @Test
    void onlyTheFirstDecisionCounts() {
        EcpsRequest request = requests.open("899700366240", BROWSER, "rp", null, 120);

        assertThat(requests.decision(request.id())).isEmpty();
        assertThat(requests.decide(request, Outcome.DENIED, "device-a")).isTrue();
        assertThat(requests.decide(request, Outcome.APPROVED, "device-b")).isFalse();
        assertThat(requests.decision(request.id())).map(PendingRequests.Decision::outcome).contains(Outcome.DENIED);
        assertThat(requests.current("899700366240")).as("a decided request is no longer pending").isEmpty();
    }

    @Test
    void concurrentDecisionsExactlyOneWins() throws Exception {
        EcpsRequest request = requests.open("899700366240", BROWSER, "rp", null, 120);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = IntStream.range(0, 32).<Callable<Boolean>>mapToObj(i ->
                    () -> requests.decide(request, Outcome.APPROVED, "device-" + i)).toList();
            long wins = 0;
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                wins += result.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anUnknownOrMalformedIdIsExpired() {
        assertThat(requests.decision("0123456789abcdef0123456789abcdef")).map(PendingRequests.Decision::outcome)
                .contains(Outcome.EXPIRED);
        assertThat(requests.decision("../../x")).map(PendingRequests.Decision::outcome).contains(Outcome.EXPIRED);
        assertThat(requests.find("' OR 1=1 --")).isEmpty();
    }

    @Test
    void anotherSourcesRequestDoesNotReplaceTheProfessionalsOwn() {
        EcpsRequest own = requests.open("899700366240", BROWSER, "rp", null, 120);
        EcpsRequest others = requests.open("899700366240", PushSource.browser("192.0.2.66"), "evil", null, 120);
        EcpsRequest ciba = requests.open("899700366240", PushSource.relyingService("hospital"), "rp", null, 60, "x");

        assertThat(requests.isCurrent(own)).isTrue();
        assertThat(requests.isCurrent(others)).isTrue();
        assertThat(requests.outstanding("899700366240")).extracting(EcpsRequest::id)
                .containsExactly(ciba.id(), others.id(), own.id());
        assertThat(requests.current("899700366240")).map(EcpsRequest::id).contains(ciba.id());
    }

    @Test
    void pastTheBoundOfSourcesTheOldestIsDropped() {
        EcpsRequest oldest = requests.open("899700366240", PushSource.browser("192.0.2.0"), "rp", null, 120);
        for (int i = 1; i < PendingRequests.MAX_SOURCES; i++) {
            requests.open("899700366240", PushSource.browser("192.0.2." + i), "rp", null, 120);
        }
        assertThat(requests.isCurrent(oldest)).isTrue();

        requests.open("899700366240", PushSource.browser("192.0.2.99"), "rp", null, 120);

        assertThat(requests.isCurrent(oldest)).isFalse();
        assertThat(requests.outstanding("899700366240")).hasSize(PendingRequests.MAX_SOURCES);
    }

    @Test
    void pushLimitsCountPerIdentifierAndPerAddress() {
        PushLimits limits = new PushLimits(store);
        EcpsSettings settings = settings(2, 2, 3);

        assertThat(limits.take("A", "10.0.0.1", PushSource.browser("10.0.0.1"), settings))
                .isEqualTo(PushLimits.Verdict.ALLOWED);
        assertThat(limits.take("A", "10.0.0.1", PushSource.browser("10.0.0.1"), settings))
                .isEqualTo(PushLimits.Verdict.ALLOWED);
        assertThat(limits.take("A", "10.0.0.1", PushSource.browser("10.0.0.1"), settings))
                .isEqualTo(PushLimits.Verdict.ID_NAT_LIMIT);
        assertThat(limits.take("B", "10.0.0.1", PushSource.browser("10.0.0.1"), settings))
                .isEqualTo(PushLimits.Verdict.ADDRESS_LIMIT);
        assertThat(limits.take("B", "10.0.0.2", PushSource.browser("10.0.0.2"), settings))
                .isEqualTo(PushLimits.Verdict.ALLOWED);
    }

    @Test
    void oneSourceSpendsItsOwnShareOfAProfessionalsPushesOnly() {
        PushLimits limits = new PushLimits(store);
        EcpsSettings settings = settings(4, 2, 100);
        PushSource attacker = PushSource.browser("192.0.2.66");
        PushSource professional = PushSource.browser("10.0.0.1");

        for (int i = 0; i < 2; i++) {
            assertThat(limits.take("A", "192.0.2.66", attacker, settings)).isEqualTo(PushLimits.Verdict.ALLOWED);
        }
        assertThat(limits.take("A", "192.0.2.66", attacker, settings)).isEqualTo(PushLimits.Verdict.ID_NAT_LIMIT);
        assertThat(limits.spent("A", "192.0.2.66", attacker, settings)).isTrue();

        assertThat(limits.spent("A", "10.0.0.1", professional, settings)).isFalse();
        assertThat(limits.take("A", "10.0.0.1", professional, settings)).isEqualTo(PushLimits.Verdict.ALLOWED);
        assertThat(limits.take("A", "10.0.0.9", PushSource.relyingService("rp"), settings))
                .isEqualTo(PushLimits.Verdict.ALLOWED);
        assertThat(limits.take("A", "10.0.0.8", PushSource.browser("10.0.0.8"), settings))
                .as("every source together still stops at the ceiling").isEqualTo(PushLimits.Verdict.ID_NAT_LIMIT);
    }

    static EcpsSettings settings(int perIdNat, int perIdNatPerSource, int perAddress) {
        return new EcpsSettings(120, perIdNat, perIdNatPerSource, perAddress, 90, 3, 10, 5, 20,
                EcpsSettings.Notifications.OUTBOX, EcpsSettings.PushChannel.OUTBOX);
    }

    @Test
    void aNewRequestWakesItsProfessionalsPhoneAndADecisionItsWaitPage() {
        List<String> topics = new java.util.ArrayList<>();
        PendingRequests told = new PendingRequests(store, topics::add);
        EcpsRequest request = told.open("899700366240", BROWSER, "rp", null, 120);
        told.decide(request, Outcome.APPROVED, "device");
        told.decide(request, Outcome.DENIED, "device");

        assertThat(topics).containsExactly(RequestEvents.professional("899700366240"),
                RequestEvents.request(request.id()));
    }
}
