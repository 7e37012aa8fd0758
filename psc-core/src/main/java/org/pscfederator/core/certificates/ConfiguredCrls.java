package org.pscfederator.core.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.x500.X500Principal;

/**
 * CRLs from the locations the operator configured (files, or http(s) URLs of the CAs' publication points), kept in
 * memory and read again once their next update has come. A CRL counts only if its issuer's key signed it, and only
 * until {@code nextUpdate + grace}: past that, certificates of that issuer are refused (fail closed) until a newer CRL
 * is read.
 */
public final class ConfiguredCrls implements RevocationSource {

    private static final int MAX_CRL_BYTES = 50 << 20;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    /** A location that failed is not tried again before this, so a dead publication point does not slow every login. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final List<String> locations;
    private final Duration grace;
    private final Clock clock;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private volatile HttpClient http;

    /** What one location gave, when, and when to look again. */
    private record Loaded(List<X509CRL> crls, Instant readAt, Instant lookAgainAt, long fileStamp, String failure) {
    }

    public ConfiguredCrls(List<String> locations, Duration grace, Clock clock) {
        this.locations = List.copyOf(locations);
        this.grace = grace;
        this.clock = clock;
    }

    public List<String> locations() {
        return locations;
    }

    @Override
    public X509CRL currentCrl(X509Certificate issuer) throws CertificateRejectedException {
        X509CRL best = bestCrl(issuer, clock.instant());
        CrlStatus status = best == null ? CrlStatus.unreadable(issuer.getSubjectX500Principal(), clock)
                : CrlStatus.of(issuer.getSubjectX500Principal(), best, grace, Duration.ZERO, clock);
        if (status.refuses()) {
            throw new CertificateRejectedException(CertificateRejection.REVOCATION_UNKNOWN, status.reason());
        }
        return best;
    }

    /**
     * Where the CRL of {@code issuer} stands (reading the locations again when their next update has come), by the
     * same rule as {@link #currentCrl}.
     *
     * @param warning how long before the refusal point the status turns to a warning
     */
    public CrlStatus status(X509Certificate issuer, Duration warning) {
        X509CRL best = bestCrl(issuer, clock.instant());
        return best == null ? CrlStatus.unreadable(issuer.getSubjectX500Principal(), clock)
                : CrlStatus.of(issuer.getSubjectX500Principal(), best, grace, warning, clock);
    }

    /** The locations whose last reading failed, each with why (an operator's path or URL, never personal data). */
    public Map<String, String> unreadableLocations() {
        Map<String, String> failed = new java.util.TreeMap<>();
        loaded.forEach((location, state) -> {
            if (state.failure() != null) {
                failed.put(location, state.failure());
            }
        });
        return failed;
    }

    /** The newest CRL of {@code issuer} it signed, at the configured locations; null when there is none. */
    private X509CRL bestCrl(X509Certificate issuer, Instant now) {
        X500Principal name = issuer.getSubjectX500Principal();
        X509CRL best = null;
        for (String location : locations) {
            for (X509CRL crl : crlsAt(location, now)) {
                if (!crl.getIssuerX500Principal().equals(name) || !signedBy(crl, issuer)) {
                    continue;
                }
                if (best == null || crl.getThisUpdate().after(best.getThisUpdate())) {
                    best = crl;
                }
            }
        }
        return best;
    }

    private List<X509CRL> crlsAt(String location, Instant now) {
        Loaded current = loaded.get(location);
        long stamp = fileStamp(location);
        if (current != null && now.isBefore(current.lookAgainAt()) && stamp == current.fileStamp()) {
            return current.crls();
        }
        synchronized (this) {
            current = loaded.get(location);
            if (current != null && now.isBefore(current.lookAgainAt()) && stamp == current.fileStamp()) {
                return current.crls();
            }
            try {
                List<X509CRL> crls = parse(read(location));
                Instant lookAgain = crls.stream().map(X509CRL::getNextUpdate).filter(java.util.Objects::nonNull)
                        .map(java.util.Date::toInstant).min(Instant::compareTo).orElse(now.plus(Duration.ofHours(1)));
                // Read again at the earliest next update; a CRL already past it is looked at again shortly.
                if (!lookAgain.isAfter(now)) {
                    lookAgain = now.plus(RETRY_AFTER_FAILURE);
                }
                Loaded fresh = new Loaded(crls, now, lookAgain, stamp, null);
                loaded.put(location, fresh);
                return crls;
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // Keep what was read before: it still counts until its grace runs out.
                List<X509CRL> previous = current == null ? List.of() : current.crls();
                loaded.put(location, new Loaded(previous, current == null ? now : current.readAt(),
                        now.plus(RETRY_AFTER_FAILURE), stamp, describe(e)));
                return previous;
            }
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private byte[] read(String location) throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try {
                HttpResponse<InputStream> response = httpClient().send(HttpRequest.newBuilder(URI.create(location))
                        .timeout(FETCH_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new IOException(location + " answered HTTP " + response.statusCode());
                    }
                    byte[] bytes = body.readNBytes(MAX_CRL_BYTES + 1);
                    if (bytes.length > MAX_CRL_BYTES) {
                        throw new IOException(location + " is larger than " + MAX_CRL_BYTES + " bytes");
                    }
                    return bytes;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        Path file = Path.of(location);
        if (Files.size(file) > MAX_CRL_BYTES) {
            throw new IOException(location + " is larger than " + MAX_CRL_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }

    private static long fileStamp(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return 0;
        }
        try {
            return Files.getLastModifiedTime(Path.of(location)).toMillis();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<X509CRL> parse(byte[] bytes) throws GeneralSecurityException {
        Collection<? extends CRL> crls = CertificateFactory.getInstance("X.509")
                .generateCRLs(new ByteArrayInputStream(bytes));
        return crls.stream().filter(X509CRL.class::isInstance).map(X509CRL.class::cast).toList();
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private HttpClient httpClient() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }
}
