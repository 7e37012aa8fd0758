package org.pscfederator.bench;

import picocli.CommandLine.TypeConversionException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.ECKey;

import org.pscfederator.ecps.simulator.DeviceApiClient;
import org.pscfederator.ecps.simulator.DeviceSigner;
import org.pscfederator.ecps.simulator.SimulatedDevice;

/**
 * e-CPS login as a professional does it, with the sandbox's simulated phones approving: PSC's login page and the
 * identifier in its "Application e-CPS" tab, the wait page (whose long-poll runs as the page's script does), the phone fetching the
 * request and approving with the shown code, the page continuing, and the code exchange. It also measures the delay
 * from the phone's approval to the page's long-poll answering ({@link #continuations()}).
 *
 * <p>One outstanding request per identifier: each worker takes identities of its own, so workers never replace each
 * other's requests. Run it with no more workers than simulated devices.
 */
final class EcpsLoginFlow implements Flow {

    private static final Pattern DEVICE_FILE = Pattern.compile("[0-9A-Z]+(_[0-9A-Z]+)?\\.json");
    private static final Pattern IDENTIFIER_FORM = Pattern.compile(
            "<form id=\"psc-ecps-identifier\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CHECK_FORM = Pattern.compile("<form id=\"psc-ecps-check\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("id=\"psc-ecps-code\">([0-9]{2})<");
    private static final Pattern WAIT_URL = Pattern.compile("data-wait-url=\"([^\"]+)\"");
    private static final AtomicInteger WORKERS = new AtomicInteger();
    private static final LatencyRecorder CONTINUATIONS = new LatencyRecorder();

    private final FlowContext context;
    private final BenchOptions options;
    private final List<Phone> phones;
    private final CodeExchange exchange;
    private final DeviceApiClient api;
    private final SecureRandom random = new SecureRandom();
    private int next;

    /** A simulated device, its key unlocked once with the PIN (the PIN check is the device's, not the server's). */
    private record Phone(SimulatedDevice device, ECKey key) {
    }

    EcpsLoginFlow(FlowContext context) {
        this.context = context;
        this.options = context.options();
        this.phones = phonesOfWorker(options.ecpsDevices(), WORKERS.getAndIncrement(), options.concurrency());
        this.exchange = new CodeExchange(context, context.newHttpClient(), options.rpClientId(),
                options.rpClientSecret());
        this.api = new DeviceApiClient(options.baseUrl().toString(), options.realm(), context.trust());
    }

    /** Delays from the phone's approval answered to the wait page's long-poll answering, every login so far. */
    static LatencyRecorder continuations() {
        return CONTINUATIONS;
    }

    @Override
    public void run() throws Exception {
        Phone phone = phones.get(next++ % phones.size());
        HttpClient browser = context.newHttpClient();
        CookieJar cookies = new CookieJar();
        String state = Pkce.randomToken(random);
        String verifier = Pkce.randomToken(random);
        String redirect = options.rpRedirectUri().toString();
        URI authorize = authorizeUri(options, state, verifier, random);
        HttpResponse<String> waitPage = waitPage(context, browser, authorize, cookies, phone.device().idNat());
        String code = find(CODE, waitPage.body(), "wait page code");
        URI waitUrl = waitUrl(waitPage);

        // The page's script: long-polls until the request is answered.
        CompletableFuture<Long> continued = CompletableFuture.supplyAsync(() -> {
            try {
                while (true) {
                    HttpResponse<String> state2 = browser.send(HttpRequest.newBuilder(URI.create(waitUrl + "?wait=20"))
                            .timeout(java.time.Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (!state2.body().contains("\"pending\"")) {
                        return System.nanoTime();
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("long-poll failed: " + e.getMessage());
            }
        });

        // The phone.
        DeviceApiClient.Pending pending = api.pending(phone.device(), 10)
                .orElseThrow(() -> new FlowFailure("no request reached the simulated phone"));
        if (!pending.choices().contains(code)) {
            throw new FlowFailure("the phone's codes do not include the page's");
        }
        DeviceApiClient.Answer answer = api.sendAnswer(DeviceSigner.answer(phone.device().deviceId(), phone.key(),
                pending.requestId(), code, true));
        long approved = System.nanoTime();
        if (answer.status() != 200 || !"approved".equals(answer.body().path("outcome").asText())) {
            throw new FlowFailure("approval refused: HTTP " + answer.status() + " " + answer.error());
        }
        long pageContinued = continued.get();
        CONTINUATIONS.record(Math.max(0, pageContinued - approved));

        HttpResponse<String> done = post(browser, authorize, waitPage, CHECK_FORM, "ecps_step=check", cookies);
        if (done.statusCode() != 302 && done.statusCode() != 303) {
            throw new FlowFailure("e-CPS login: HTTP " + done.statusCode() + " instead of a redirect");
        }
        exchange.exchange(CodeExchange.codeFrom(done.headers().firstValue("location").orElse(""), redirect, state),
                redirect, verifier);
    }

    /** The relying service's authorization request, e-CPS's (acr eidas1, PKCE). */
    static URI authorizeUri(BenchOptions options, String state, String verifier, SecureRandom random) {
        return URI.create(options.oidcEndpoint("auth") + "?" + PasswordLoginFlow.formBody(Map.of(
                "response_type", "code", "client_id", options.rpClientId(), "redirect_uri",
                options.rpRedirectUri().toString(), "scope", "openid scope_all", "acr_values", "eidas1",
                "state", state, "nonce", Pkce.randomToken(random), "code_challenge", Pkce.s256(verifier),
                "code_challenge_method", "S256")));
    }

    /** PSC's login page, its "Application e-CPS" tab, the identifier: the wait page of a new request for {@code idNat}. */
    static HttpResponse<String> waitPage(FlowContext context, HttpClient browser, URI authorize, CookieJar cookies,
            String idNat) throws Exception {
        HttpResponse<String> page = context.send(browser, HttpRequest.newBuilder(authorize).GET(), cookies);
        return post(context, browser, authorize, page, IDENTIFIER_FORM, "ecps_step=identify&id_nat=" + idNat,
                cookies);
    }

    /** The URL the wait page's script long-polls. */
    static URI waitUrl(HttpResponse<String> waitPage) throws FlowFailure {
        return URI.create(LoginForm.unescape(find(WAIT_URL, waitPage.body(), "wait page long-poll URL")));
    }

    private HttpResponse<String> post(HttpClient browser, URI base, HttpResponse<String> page, Pattern form,
            String body, CookieJar cookies) throws Exception {
        return post(context, browser, base, page, form, body, cookies);
    }

    private static HttpResponse<String> post(FlowContext context, HttpClient browser, URI base,
            HttpResponse<String> page, Pattern form, String body, CookieJar cookies) throws Exception {
        BenchOptions options = context.options();
        if (page.statusCode() != 200) {
            throw new FlowFailure("page: HTTP " + page.statusCode());
        }
        URI action = base.resolve(LoginForm.unescape(find(form, page.body(), "form " + form.pattern())));
        if (!options.allowRemote() && !Loopback.isLoopbackHost(action.getHost())) {
            throw new FlowFailure("form posts to non-loopback host " + action.getHost());
        }
        return context.send(browser, HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), cookies);
    }

    private static String find(Pattern pattern, String html, String what) throws FlowFailure {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            Matcher reason = Pattern.compile("data-reason=\"([a-z_]+)\"").matcher(html);
            throw new FlowFailure("no " + what + (reason.find() ? " (refused: " + reason.group(1) + ")" : ""));
        }
        return matcher.group(1);
    }


    /** This worker's devices: every concurrency-th one from its index, so no two workers share an identity. */
    static List<Phone> phonesOfWorker(Path folder, int worker, int workers) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            throw new TypeConversionException("--ecps-devices " + folder + ": no such folder (start the sandbox once)");
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*.json")) {
            found.forEach(file -> {
                if (DEVICE_FILE.matcher(file.getFileName().toString()).matches()) {
                    files.add(file);
                }
            });
        } catch (IOException e) {
            throw new TypeConversionException("--ecps-devices " + folder + ": " + e.getMessage());
        }
        files.sort(null);
        if (files.size() < workers) {
            throw new TypeConversionException("--ecps-devices " + folder + ": " + files.size() + " devices for "
                    + workers + " workers; each worker needs identities of its own (lower --concurrency)");
        }
        List<Phone> phones = new ArrayList<>();
        for (int i = worker % workers; i < files.size(); i += workers) {
            SimulatedDevice device = SimulatedDevice.load(files.get(i));
            phones.add(new Phone(device, device.unlock("1234")));
        }
        return phones;
    }
}
