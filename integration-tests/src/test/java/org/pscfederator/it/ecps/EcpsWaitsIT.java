package org.pscfederator.it.ecps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pscfederator.it.ecps.EcpsFlow.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pscfederator.bench.Bench;
import org.pscfederator.bench.BenchOptions;
import org.pscfederator.bench.BenchResult;
import org.pscfederator.bench.FlowResult;
import org.pscfederator.bench.HeldWaits;
import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.it.harness.CardBrowser;
import org.pscfederator.it.harness.SandboxServer;
import org.pscfederator.it.harness.SandboxServerExtension;

/**
 * The e-CPS waits (the wait page's long-poll, the phone's pending request) hold no Keycloak thread: many held at
 * once leave the server answering, an approval or an expiry answers them at once, an abandoned one is let go, and
 * past the node's limit a wait is refused at once. The held count is the gauge psc_ecps_waits_in_progress.
 */
@Tag("psc-ecps")
@ExtendWith(SandboxServerExtension.class)
class EcpsWaitsIT {

    /** The sandbox's limit (--spi-psc-ecps-waits--default--max-waits of its Keycloak command line). */
    private static final int SANDBOX_LIMIT = 400;
    private static final Pattern GAUGE = Pattern.compile(
            "(?m)^psc_ecps_waits_in_progress(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");
    /** Nobody in the directory: the same wait page, a real request, and no phone. */
    private static final String NOBODY = "899700000977";
    private static final String WITH_PHONE = "899700366240";

    @Test
    void waitsForAMalformedOrUnknownRequestAnswerExpiredAtOnce(SandboxServer server) throws Exception {
        String base = server.realmUrl() + "/psc-ecps/v1/browser/requests/";
        for (String id : List.of("not-a-request", "0123456789abcdef0123456789abcdef", "%2e%2e", "A".repeat(32))) {
            long start = System.nanoTime();
            HttpResponse<String> answer = server.get(base + id + "?wait=20", null);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer.statusCode()).as(id).isIn(200, 400, 404);
            if (answer.statusCode() == 200) {
                assertThat(answer.body()).as(id).contains("\"expired\"");
            }
            assertThat(millis).as("%s answered in %d ms", id, millis).isLessThan(1000);
        }
    }

    @Test
    void anExpiryWakesAHeldWaitAndAnExpiredRequestAnswersAtOnce(SandboxServer server) throws Exception {
        Wait wait = startLoginLasting(server, NOBODY, 10);
        long start = System.nanoTime();
        assertThat(state(server, wait, 25)).isEqualTo("expired");
        long heldMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("e-CPS wait on a 10 s request answered expired after %d ms%n", heldMillis);
        assertThat(heldMillis).as("woken by the expiry, not by the 25 s bound").isBetween(5_000L, 13_000L);

        start = System.nanoTime();
        assertThat(state(server, wait, 25)).isEqualTo("expired");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    @Test
    void anApprovalWakesTheWaitPageAndANewRequestThePhoneWithinASecond(SandboxServer server) throws Exception {
        server.importSandboxDirectories();
        SimulatedDevice phone = sandboxDevice(server, WITH_PHONE);
        DeviceApiClient api = phone(server);
        // Drain what an earlier test left for this professional, so that the phone's wait is really held.
        while (api.pending(phone, 0).isPresent()) {
            api.answer(phone, PIN, api.pending(phone, 0).get().requestId(), "00", false);
        }
        int before = gauge(server);
        CompletableFuture<Optional<DeviceApiClient.Pending>> phoneWaits = CompletableFuture.supplyAsync(
                () -> api.pending(phone, 20));
        awaitGauge(server, before + 1);

        CardBrowser browser = CardBrowser.withoutCard(server);
        Wait wait = startLogin(browser, CardBrowser.Request.of(CLIENT, REDIRECT), WITH_PHONE);
        long opened = System.nanoTime();
        DeviceApiClient.Pending pending = phoneWaits.get().orElseThrow();
        long phoneMillis = (System.nanoTime() - opened) / 1_000_000;

        CompletableFuture<String> pageWaits = CompletableFuture.supplyAsync(() -> {
            try {
                return state(server, wait, 20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitGauge(server, before + 1);
        DeviceApiClient.Answer answer = api.answer(phone, PIN, pending.requestId(), wait.code(), true);
        long approved = System.nanoTime();
        assertThat(answer.body().path("outcome").asText()).isEqualTo("approved");
        assertThat(pageWaits.get()).isEqualTo("approved");
        long pageMillis = (System.nanoTime() - approved) / 1_000_000;

        System.out.printf("e-CPS: request to held phone %d ms; approval to held wait page %d ms%n", phoneMillis,
                pageMillis);
        assertThat(phoneMillis).isLessThan(1000);
        assertThat(pageMillis).isLessThan(1000);
        assertThat(check(browser, wait).redirected()).isTrue();
    }

    @Test
    void abandonedWaitsAreLetGoToTheLast(SandboxServer server) throws Exception {
        Wait wait = startLogin(CardBrowser.withoutCard(server), CardBrowser.Request.of(CLIENT, REDIRECT), NOBODY);
        int before = settledGauge(server);
        for (int round = 0; round < 5; round++) {
            try (HeldWaits waits = new HeldWaits(SandboxServer.trusting(server.caBundle()), URI.create(wait.waitUrl()),
                    25)) {
                waits.open(40);
                awaitGauge(server, before + 40);
            }
            long gone = System.nanoTime();
            awaitGauge(server, before);
            System.out.printf("e-CPS: 40 abandoned waits let go in %d ms%n", (System.nanoTime() - gone) / 1_000_000);
        }
        assertThat(gauge(server)).isEqualTo(before);
    }

    @Test
    void manyHeldWaitsLeaveDiscoveryAndLoginsQuickAndPastTheLimitTheNextIsRefusedAtOnce(SandboxServer server)
            throws Exception {
        server.importSandboxDirectories();
        // The realm's longest request: on a slow machine opening and measuring can outlast the default 120 s, and an
        // expiry would answer every held wait at once.
        Wait wait = startLoginLasting(server, NOBODY, 600);
        int before = settledGauge(server);
        try (HeldWaits waits = new HeldWaits(SandboxServer.trusting(server.caBundle()), URI.create(wait.waitUrl()),
                25)) {
            long start = System.nanoTime();
            // In batches, as pages opening over a while do: 300 TLS handshakes at once would measure the 2 cores (each
            // wait is two of them: the browser's with the front, the front's with Keycloak).
            for (int batch = 0; batch < 6; batch++) {
                waits.open(50);
            }
            awaitGauge(server, before + 300, Duration.ofSeconds(120), waits);
            System.out.printf("e-CPS: 300 waits held after %d ms%n", (System.nanoTime() - start) / 1_000_000);

            double[] discovery = discoveryMillis(server, 40);
            BenchResult logins = Bench.run(BenchOptions.parse("--base-url", server.baseUrl(),
                    "--cacert", server.caBundle().toString(), "--duration", "5", "--warmup", "5", "--concurrency", "1",
                    "--flows", "password,cps", "--cards", cards(server).toString()));
            FlowResult password = logins.flow("password");
            FlowResult card = logins.flow("cps");
            System.out.printf("e-CPS: with %d waits held: discovery p50 %.1f ms p95 %.1f ms; password login p50 %.1f "
                    + "ms p95 %.1f ms (%d); card login p50 %.1f ms p95 %.1f ms (%d)%n", gauge(server) - before,
                    discovery[0], discovery[1], password.p50Ms(), password.p95Ms(), password.ok(), card.p50Ms(),
                    card.p95Ms(), card.ok());
            // Each wait's 25 s bound passes during the measurement; a wait between that answer and its next poll is
            // not held for that moment, so a few may be in transit at any instant.
            assertThat(gauge(server)).as("still held while measuring").isGreaterThanOrEqualTo(before + 300 - 10);
            assertThat(discovery[1]).isLessThan(1000);
            assertThat(password.errors()).as("%s", password.firstErrors()).isZero();
            assertThat(card.errors()).as("%s", card.firstErrors()).isZero();
            assertThat(password.ok()).isPositive();
            assertThat(card.ok()).isPositive();
            assertThat(password.p95Ms()).isLessThan(1000);
            assertThat(card.p95Ms()).isLessThan(1000);

            waits.open(SANDBOX_LIMIT - 300 - before);
            awaitGauge(server, SANDBOX_LIMIT, Duration.ofSeconds(120), waits);
            long refused = System.nanoTime();
            HttpResponse<String> over = server.get(wait.waitUrl() + "?wait=20", null);
            long refusedMillis = (System.nanoTime() - refused) / 1_000_000;
            System.out.printf("e-CPS: wait past the limit of %d refused in %d ms%n", SANDBOX_LIMIT, refusedMillis);
            assertThat(over.statusCode()).isEqualTo(503);
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            assertThat(over.body()).contains("too_many_waits");
            assertThat(refusedMillis).isLessThan(1000);
        }
        awaitGauge(server, before);
    }

    /** Discovery answered {@code count} times in a row: p50 and p95 in ms. */
    private static double[] discoveryMillis(SandboxServer server, int count) throws Exception {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = server.get(server.realmUrl() + "/.well-known/openid-configuration", null);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        Arrays.sort(millis);
        return new double[] {millis[(int) Math.ceil(0.50 * count) - 1], millis[(int) Math.ceil(0.95 * count) - 1]};
    }

    private static Path cards(SandboxServer server) throws Exception {
        Path cards = Files.createDirectories(server.dataDir().resolve("waits-cards"));
        for (String idNat : new String[] {"899700366240", "899900000110"}) {
            Files.copy(server.dataDir().resolve("pki/cards/" + idNat + ".p12"), cards.resolve(idNat + ".p12"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return cards;
    }

    /** The waits the server holds now, from its metrics on the management port. */
    static int gauge(SandboxServer server) throws Exception {
        HttpResponse<String> metrics = server.get(server.managementUrl() + "/metrics", null);
        Matcher value = GAUGE.matcher(metrics.body());
        assertThat(value.find()).as("psc_ecps_waits_in_progress in the metrics").isTrue();
        return (int) Double.parseDouble(value.group(1));
    }

    /**
     * The gauge once it has stopped moving (the same reading for 2 s, within 60 s): waits an earlier test closed may
     * still be being let go, and counting from the middle of that would mistake their going for ours.
     */
    static int settledGauge(SandboxServer server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = gauge(server);
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            int now = gauge(server);
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since >= Duration.ofSeconds(2).toNanos()) {
                return now;
            }
        }
        throw new AssertionError("psc_ecps_waits_in_progress did not settle within 60 s (last " + last + ")");
    }

    /** Waits up to 10 s for the gauge to read {@code expected}. */
    static void awaitGauge(SandboxServer server, int expected) throws Exception {
        awaitGauge(server, expected, Duration.ofSeconds(10), null);
    }

    static void awaitGauge(SandboxServer server, int expected, Duration patience, HeldWaits waits) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        int now = gauge(server);
        while (now != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = gauge(server);
        }
        assertThat(now).as("waits held (%s)", waits == null ? "" : waits.open() + " connections open here, "
                + waits.refusedBusy() + " refused").isEqualTo(expected);
    }
}
