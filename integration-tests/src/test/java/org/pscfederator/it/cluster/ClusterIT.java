package org.pscfederator.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.CLIENT;
import static org.pscfederator.it.ecps.EcpsFlow.PIN;
import static org.pscfederator.it.ecps.EcpsFlow.REDIRECT;
import static org.pscfederator.it.ecps.EcpsFlow.SECRET;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.bench.HeldWaits;
import org.pscfederator.bench.cluster.HaproxyRuntime;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.ecps.EcpsFlow;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.ClusterExtension;
import org.pscfederator.it.harness.ClusterServer;
import org.pscfederator.it.harness.RelyingServiceChecks;
import org.pscfederator.it.harness.SandboxServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The federator as a real cluster, {@code bin/psc-cluster}: two Keycloak nodes on one PostgreSQL behind HAProxy.
 * Each login's steps are sent to one node then the other (through HAProxy's runtime API), so a step can only succeed
 * if what the previous one left is shared; trust and device changes made through one node hold on the other; a
 * node killed mid-login loses nothing. The node kill comes last: the tests before it need both nodes.
 */
@Tag("cluster")
@Tag("postgres")
@ExtendWith(ClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NODE_A = "node-1";
    private static final String NODE_B = "node-2";
    private static final String CARD_AMR = "[\"sc\",\"pin\",\"mfa\"]";

    @Test
    @Order(1)
    void roundRobinSendsRequestsToBothNodes(ClusterServer cluster) throws Exception {
        Map<String, Long> before = cluster.requestsByNode();

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> discovery = cluster.get(cluster.realmUrl()
                    + "/.well-known/wallet-openid-configuration", null);
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.headers().firstValue("X-Psc-Node")).get().isIn(NODE_A, NODE_B);
        }

        Map<String, Long> after = cluster.requestsByNode();
        assertThat(after.get(NODE_A) - before.get(NODE_A)).as("node A served half").isEqualTo(3);
        assertThat(after.get(NODE_B) - before.get(NODE_B)).as("node B served half").isEqualTo(3);
    }

    @Test
    @Order(2)
    void cardLoginCompletesWithItsStepsOnAlternateNodes(ClusterServer cluster) throws Exception {
        String idNat = "899700366240";
        CardBrowser browser = CardBrowser.withCard(cluster, card(cluster, idNat));
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);

        CardBrowser.Outcome page;
        try (var pinned = cluster.only(NODE_A)) {
            page = browser.open(request);
        }
        assertThat(page.status()).as(page.page()).isEqualTo(200);
        CardBrowser.Outcome outcome;
        try (var pinned = cluster.only(NODE_B)) {
            outcome = browser.choose(page, "card");
        }
        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        JsonNode tokens;
        try (var pinned = cluster.only(NODE_A)) {
            tokens = EcpsFlow.exchange(cluster, outcome.redirectParameters().get("code"), request);
        }
        try (var pinned = cluster.only(NODE_B)) {
            RelyingServiceChecks.loggedInAs(cluster, tokens, request, idNat, CARD_AMR);
        }
    }

    /** HAProxy drops a certificate header a client sends: only the card of the TLS handshake counts. */
    @Test
    @Order(3)
    void certificateHeaderSentByAClientIsDropped(ClusterServer cluster) throws Exception {
        java.security.KeyStore card = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(card(cluster, "899700366240"))) {
            card.load(in, "1234".toCharArray());
        }
        String pem = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                card.getCertificate(card.aliases().nextElement()).getEncoded()) + "\n-----END CERTIFICATE-----\n";
        CardBrowser browser = CardBrowser.withoutCard(cluster).withHeader("ssl-client-cert",
                URLEncoder.encode(pem, StandardCharsets.US_ASCII));

        CardBrowser.Outcome outcome = browser.loginWithCard(CardBrowser.Request.of(CLIENT, REDIRECT));

        assertThat(refusalReason(outcome)).isEqualTo("no_certificate");
    }

    @Test
    @Order(4)
    void ecpsApprovalPostedToNodeBWakesTheWaitHeldOnNodeA(ClusterServer cluster) throws Exception {
        String idNat = "899700427869";
        CardBrowser browser = CardBrowser.withoutCard(cluster);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        SimulatedDevice phone = EcpsFlow.sandboxDevice(cluster, idNat);

        EcpsFlow.Wait wait;
        CompletableFuture<String> heldOnA;
        try (var pinned = cluster.only(NODE_A)) {
            wait = EcpsFlow.startLogin(browser, request, idNat);
            heldOnA = CompletableFuture.supplyAsync(() -> stateAfterWaiting(cluster, wait, 20));
            Thread.sleep(1_500); // the long poll has reached node A
        }
        long approvedAt;
        try (var pinned = cluster.only(NODE_B)) {
            DeviceApiClient.Pending pending = EcpsFlow.pending(cluster, phone);
            DeviceApiClient.Answer answer = EcpsFlow.phone(cluster).answer(phone, PIN, pending.requestId(),
                    wait.code(), true);
            approvedAt = System.nanoTime();
            assertThat(answer.body().path("outcome").asText()).as(answer.body().toString()).isEqualTo("approved");
        }
        assertThat(heldOnA.get(20, TimeUnit.SECONDS)).isEqualTo("approved");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - approvedAt))
                .as("the wait on node A ended soon after the approval on node B, not at its deadline")
                .isLessThan(5_000);

        CardBrowser.Outcome outcome;
        try (var pinned = cluster.only(NODE_A)) {
            outcome = EcpsFlow.check(browser, wait);
        }
        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        try (var pinned = cluster.only(NODE_B)) {
            JsonNode tokens = EcpsFlow.exchange(cluster, outcome.redirectParameters().get("code"), request);
            RelyingServiceChecks.loggedInAs(cluster, tokens, request, idNat, "[\"swk\",\"pin\",\"mfa\"]");
        }
    }

    @Test
    @Order(5)
    void cibaLoginAskedOnNodeAIsApprovedAndPolledOnNodeB(ClusterServer cluster) throws Exception {
        String idNat = "899700218896";
        SimulatedDevice phone = EcpsFlow.sandboxDevice(cluster, idNat);
        String authReqId;
        try (var pinned = cluster.only(NODE_A)) {
            HttpResponse<String> started = EcpsFlow.backchannel(cluster, idNat, "52");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            authReqId = JSON.readTree(started.body()).get("auth_req_id").asText();
        }
        try (var pinned = cluster.only(NODE_B)) {
            DeviceApiClient.Pending pending = EcpsFlow.pending(cluster, phone);
            assertThat(pending.bindingMessage()).isEqualTo("52");
            assertThat(EcpsFlow.phone(cluster).answer(phone, PIN, pending.requestId(), "52", true).body()
                    .path("outcome").asText()).isEqualTo("approved");
        }
        Thread.sleep(5_000); // the realm's CIBA polling interval
        HttpResponse<String> tokens;
        try (var pinned = cluster.only(NODE_B)) {
            tokens = EcpsFlow.poll(cluster, authReqId);
        }
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        try (var pinned = cluster.only(NODE_A)) {
            HttpResponse<String> userinfo = cluster.get(cluster.realmUrl() + "/protocol/openid-connect/userinfo",
                    JSON.readTree(tokens.body()).get("access_token").asText());
            assertThat(userinfo.statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(6)
    void cardCaRemovedThroughNodeAIsRefusedOnNodeBWithinTenSeconds(ClusterServer cluster) throws Exception {
        String idNat = "899700366240";
        Path ca = cluster.dataDir().resolve("pki/ca");
        Map<String, String> previous;
        try (var pinned = cluster.only(NODE_A)) {
            // The persons' CA, which issued the sandbox cards, removed; a trust policy needs an issuing CA under the
            // root, so the organisations' takes its place.
            previous = EcpsFlow.realmAttributes(cluster, Map.of("pscCardTrustAnchors",
                    Files.readString(ca.resolve("org-ca.pem")) + Files.readString(ca.resolve("root-ca.pem"))));
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String reason = null;
            try (var pinned = cluster.only(NODE_B)) {
                while (System.nanoTime() < deadline && reason == null) {
                    reason = refusalReason(cardLogin(cluster, idNat));
                    if (reason == null) {
                        Thread.sleep(500);
                    }
                }
            }
            assertThat(reason).as("node B refused the card within 10 s").isEqualTo("untrusted_issuer");
        } finally {
            try (var pinned = cluster.only(NODE_A)) {
                EcpsFlow.realmAttributes(cluster, previous);
            }
        }
        try (var pinned = cluster.only(NODE_B)) {
            assertThat(cardLogin(cluster, idNat).redirected()).as("the CA trusted again, on node B too").isTrue();
        }
    }

    @Test
    @Order(7)
    void deviceRevokedThroughNodeACannotApproveThroughNodeB(ClusterServer cluster, @TempDir Path devices)
            throws Exception {
        String idNat = "899900000110";
        SimulatedDevice phone = EcpsFlow.enrolledDevice(cluster, idNat, devices);
        CardBrowser browser = CardBrowser.withoutCard(cluster);
        EcpsFlow.Wait wait;
        DeviceApiClient.Pending pending;
        try (var pinned = cluster.only(NODE_A)) {
            wait = EcpsFlow.startLogin(browser, CardBrowser.Request.of(CLIENT, REDIRECT), idNat);
            pending = EcpsFlow.pending(cluster, phone);
            DeviceApiClient.Answer revoked = EcpsFlow.phone(cluster).revoke(phone, phone.deviceId());
            assertThat(revoked.status()).as(revoked.body().toString()).isBetween(200, 204);
        }
        try (var pinned = cluster.only(NODE_B)) {
            DeviceApiClient.Answer answer = EcpsFlow.phone(cluster).answer(phone, PIN, pending.requestId(),
                    wait.code(), true);
            assertThat(answer.status()).as(answer.body().toString()).isIn(401, 403);
            assertThat(EcpsFlow.state(cluster, wait, 0)).isEqualTo("pending");
        }
    }

    /** The per-identifier quota is kept in Keycloak's single-use store, cluster-wide: alternating nodes spends it. */
    @Test
    @Order(8)
    void activationRequestsAreCountedAcrossNodes(ClusterServer cluster) throws Exception {
        String idNat = "899900000318";
        for (int i = 0; i < 3; i++) {
            try (var pinned = cluster.only(i % 2 == 0 ? NODE_A : NODE_B)) {
                assertThat(EcpsFlow.phone(cluster).requestContactCode(idNat).status()).isEqualTo(202);
            }
        }

        DeviceApiClient.Answer refused;
        try (var pinned = cluster.only(NODE_B)) {
            refused = EcpsFlow.phone(cluster).requestContactCode(idNat);
        }

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("too_many_activation_requests_identifier");
    }

    /**
     * The cluster's nodes take {@value ClusterExtension#NODE_MAX_CONNECTIONS} ordinary requests each at once; three
     * times as many wait pages are held, through HAProxy's backend for the calls a node holds, with none queued or
     * refused, and discovery and a card login still answer at once. Counted among ordinary requests, the waits would
     * fill both nodes' shares, and every request behind them would queue 2 s, then get a 503.
     */
    @Test
    @Order(9)
    void ecpsWaitsBeyondANodesShareOfRequestsAreHeldAndLeaveTheOtherRequestsRoom(ClusterServer cluster)
            throws Exception {
        int held = 3 * ClusterExtension.NODE_MAX_CONNECTIONS;
        EcpsFlow.Wait wait = EcpsFlow.startLogin(CardBrowser.withoutCard(cluster),
                CardBrowser.Request.of(CLIENT, REDIRECT), "899700000977");
        try (HeldWaits waits = new HeldWaits(SandboxServer.trusting(cluster.caBundle()), URI.create(wait.waitUrl()),
                25)) {
            waits.open(held);
            List<HaproxyRuntime.Load> load = awaitHeld(cluster, held);
            System.out.printf("cluster: %d e-CPS waits held through HAProxy: %s%n", held, load);
            assertThat(load).allSatisfy(node -> {
                assertThat(node.current()).as("waits held by " + node.name())
                        .isGreaterThan(ClusterExtension.NODE_MAX_CONNECTIONS);
                assertThat(node.queued()).as("waits queued for " + node.name()).isZero();
            });

            long[] discovery = new long[20];
            for (int i = 0; i < discovery.length; i++) {
                long start = System.nanoTime();
                assertThat(cluster.get(cluster.realmUrl() + "/.well-known/openid-configuration", null).statusCode())
                        .isEqualTo(200);
                discovery[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            long card = System.nanoTime();
            CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
            CardBrowser.Outcome outcome = CardBrowser.withCard(cluster, card(cluster, "899700366240")).loginWithCard(request);
            long cardMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - card);
            java.util.Arrays.sort(discovery);
            System.out.printf("cluster: with %d waits held, discovery p50 %d ms, max %d ms; a card login %d ms%n",
                    held, discovery[9], discovery[19], cardMillis);
            assertThat(outcome.redirected()).as(outcome.page()).isTrue();
            assertThat(discovery[18]).as("discovery's p95 in ms").isLessThan(1000);
            assertThat(waits.refusedBusy()).as("waits answered 503").isZero();
            assertThat(waits.open()).isEqualTo(held);
        }
    }

    /**
     * Past the waits the nodes hold, the next is refused at once by a node, with the error and the delay the wait page
     * understands, not queued by HAProxy; discovery still answers. The waits are opened together, so that none of
     * them asks again (25 s) before the refusal is checked.
     */
    @Test
    @Order(10)
    void pastTheWaitsTheNodesHoldTheNextIsRefusedAtOnceWithItsRetryDelay(ClusterServer cluster) throws Exception {
        int capacity = ClusterExtension.NODES * ClusterExtension.NODE_MAX_ECPS_WAITS;
        awaitHeld(cluster, 0);
        EcpsFlow.Wait wait = EcpsFlow.startLogin(CardBrowser.withoutCard(cluster),
                CardBrowser.Request.of(CLIENT, REDIRECT), "899700000977");
        try (HeldWaits waits = new HeldWaits(SandboxServer.trusting(cluster.caBundle()), URI.create(wait.waitUrl()),
                25)) {
            waits.open(capacity + 10);
            List<HaproxyRuntime.Load> load = awaitHeld(cluster, capacity);
            assertThat(waits.refusedBusy()).as("waits refused past the nodes' limit").isEqualTo(10);

            HttpResponse<String> over;
            long refused;
            try (var pinned = cluster.only(NODE_A)) {
                refused = System.nanoTime();
                over = cluster.get(wait.waitUrl() + "?wait=20", null);
            }
            long refusedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - refused);
            System.out.printf("cluster: %s held; the next wait refused in %d ms%n", load, refusedMillis);
            assertThat(over.statusCode()).isEqualTo(503);
            assertThat(over.body()).contains("too_many_waits");
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            assertThat(over.headers().firstValue("X-Psc-Node")).as("answered by a node, not by HAProxy's queue")
                    .contains(NODE_A);
            assertThat(refusedMillis).isLessThan(1000);
            assertThat(cluster.get(cluster.realmUrl() + "/.well-known/openid-configuration", null).statusCode())
                    .isEqualTo(200);
        }
    }

    /** Waits up to 60 s for HAProxy to be holding {@code held} calls in all towards the nodes' held-call backend. */
    private static List<HaproxyRuntime.Load> awaitHeld(ClusterServer cluster, int held) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<HaproxyRuntime.Load> load = cluster.balancer().load(HaproxyRuntime.WAITS_BACKEND);
        while (load.stream().mapToLong(HaproxyRuntime.Load::current).sum() != held && System.nanoTime() < deadline) {
            Thread.sleep(200);
            load = cluster.balancer().load(HaproxyRuntime.WAITS_BACKEND);
        }
        assertThat(load.stream().mapToLong(HaproxyRuntime.Load::current).sum()).as("waits held: %s", load)
                .isEqualTo(held);
        return load;
    }

    /**
     * Node B is killed with two logins under way: a card login between its redirect and its code exchange, and an
     * e-CPS login whose browser wait node B holds, after the push and before the approval. Both complete on node A,
     * the e-CPS one with the request pushed before the kill (no second push); a refresh token issued before the kill
     * refreshes on node A. HAProxy's checks take node B out.
     */
    @Test
    @Order(100)
    void nodeKilledMidwayLosesNeitherTheLoginsUnderWayNorTheRefreshTokens(ClusterServer cluster) throws Exception {
        String idNat = "899700366240";
        CardBrowser.Request earlier = CardBrowser.Request.of(CLIENT, REDIRECT);
        JsonNode earlierTokens = EcpsFlow.exchange(cluster, code(CardBrowser.withCard(cluster, card(cluster, idNat))
                .loginWithCard(earlier)), earlier);
        CardBrowser.Request request = CardBrowser.Request.of(CLIENT, REDIRECT);
        CardBrowser.Outcome outcome = CardBrowser.withCard(cluster, card(cluster, idNat)).loginWithCard(request);
        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        String ecpsIdNat = "899900000219";
        SimulatedDevice phone = EcpsFlow.sandboxDevice(cluster, ecpsIdNat);
        CardBrowser ecpsBrowser = CardBrowser.withoutCard(cluster);
        CardBrowser.Request ecpsRequest = CardBrowser.Request.of(CLIENT, REDIRECT);
        EcpsFlow.Wait wait;
        String pushed;
        CompletableFuture<String> heldOnB;
        try (var pinned = cluster.only(NODE_B)) {
            wait = EcpsFlow.startLogin(ecpsBrowser, ecpsRequest, ecpsIdNat);
            pushed = EcpsFlow.pending(cluster, phone).requestId();
            heldOnB = CompletableFuture.supplyAsync(() -> stateAfterWaiting(cluster, wait, 20));
            Thread.sleep(1_500); // the long poll has reached node B
        }

        cluster.kill(NODE_B);

        JsonNode tokens = EcpsFlow.exchange(cluster, code(outcome), request);
        RelyingServiceChecks.loggedInAs(cluster, tokens, request, idNat, CARD_AMR);
        HttpResponse<String> refreshed = EcpsFlow.postForm(cluster, "token", "grant_type=refresh_token"
                + "&refresh_token=" + URLEncoder.encode(earlierTokens.get("refresh_token").asText(),
                StandardCharsets.UTF_8) + "&client_id=" + CLIENT + "&client_secret=" + SECRET);
        assertThat(refreshed.statusCode()).as("a refresh token issued before the kill: " + refreshed.body())
                .isEqualTo(200);

        List<DeviceApiClient.Pending> outstanding = EcpsFlow.phone(cluster).outstanding(phone, 5);
        assertThat(outstanding).as("the request pushed before the kill, and no other")
                .extracting(DeviceApiClient.Pending::requestId).containsExactly(pushed);
        assertThat(EcpsFlow.phone(cluster).answer(phone, PIN, pushed, wait.code(), true).body().path("outcome")
                .asText()).isEqualTo("approved");
        String held = heldOnB.handle((state, failure) -> failure == null ? state : "lost").get(30, TimeUnit.SECONDS);
        // HAProxy resends the wait it lost to node A (no answer had started), or the page's script asks again.
        assertThat(held.equals("approved") ? held : EcpsFlow.state(cluster, wait, 5)).isEqualTo("approved");
        CardBrowser.Outcome ecpsOutcome = EcpsFlow.check(ecpsBrowser, wait);
        assertThat(ecpsOutcome.redirected()).as(ecpsOutcome.page()).isTrue();
        EcpsFlow.exchange(cluster, code(ecpsOutcome), ecpsRequest);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && !nodeIsDown(cluster, NODE_B)) {
            Thread.sleep(500);
        }
        assertThat(nodeIsDown(cluster, NODE_B)).as("HAProxy's health checks took the dead node out").isTrue();
    }

    private static boolean nodeIsDown(ClusterServer cluster, String name) throws Exception {
        return cluster.balancer().nodes().stream().anyMatch(node -> node.name().equals(name)
                && node.status().startsWith("DOWN"));
    }

    private static Path card(ClusterServer cluster, String idNat) {
        return cluster.dataDir().resolve("pki/cards/" + idNat.replace('/', '_') + ".p12");
    }

    private static CardBrowser.Outcome cardLogin(ClusterServer cluster, String idNat) throws Exception {
        return CardBrowser.withCard(cluster, card(cluster, idNat)).loginWithCard(CardBrowser.Request.of(CLIENT,
                REDIRECT));
    }

    private static String code(CardBrowser.Outcome outcome) {
        assertThat(outcome.redirected()).as(outcome.page()).isTrue();
        return outcome.redirectParameters().get("code");
    }

    /** The reason a refusal page names, or null when the login went through. */
    private static String refusalReason(CardBrowser.Outcome outcome) {
        if (outcome.redirected()) {
            return null;
        }
        java.util.regex.Matcher reason = java.util.regex.Pattern.compile("data-reason=\"([^\"]+)\"")
                .matcher(outcome.page());
        return reason.find() ? reason.group(1) : "page without a reason: " + outcome.status();
    }

    private static String stateAfterWaiting(ClusterServer cluster, EcpsFlow.Wait wait, int seconds) {
        try {
            return EcpsFlow.state(cluster, wait, seconds);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
