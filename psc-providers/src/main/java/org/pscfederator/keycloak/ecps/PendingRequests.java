package org.pscfederator.keycloak.ecps;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

import org.pscfederator.keycloak.metrics.PscMeters;
import org.pscfederator.keycloak.metrics.PscMetric;

/**
 * Pending requests and their outcomes in Keycloak's single-use object store (Infinispan, cluster-wide). Each source
 * (see {@link PushSource}) has at most one outstanding request per idNat, its new one replacing it; another source's
 * request is left alone, so that nobody can cancel a professional's login by starting logins of their own. Up to
 * {@value #MAX_SOURCES} sources at once; beyond that the oldest is dropped. The first decision recorded for a request
 * is the only one that counts ({@code putIfAbsent}). A new request and a decision wake the calls waiting for them
 * ({@link RequestEvents}), on every node.
 */
public final class PendingRequests {

    static final int MAX_SOURCES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REQUEST = "psc-ecps-request:";
    /** Per idNat: source key to the id of that source's outstanding request. */
    private static final String CURRENT = "psc-ecps-current:";
    private static final String DECIDED = "psc-ecps-decided:";
    private static final String OUTCOME = "psc-ecps-outcome:";

    private final SingleUseObjectProvider store;
    /** Told the topic of each change, once it is committed. */
    private final Consumer<String> changes;

    public PendingRequests(KeycloakSession session) {
        this(session.singleUseObjects(), new RequestEvents(session)::changed);
    }

    PendingRequests(SingleUseObjectProvider store) {
        this(store, topic -> {
        });
    }

    PendingRequests(SingleUseObjectProvider store, Consumer<String> changes) {
        this.store = store;
        this.changes = changes;
    }

    /** A new browser request for this idNat, replacing that source's outstanding one. */
    public EcpsRequest open(String idNat, PushSource source, String clientName, String bindingMessage, int seconds) {
        return open(idNat, source, clientName, bindingMessage, seconds, null);
    }

    /** A request for a CIBA authentication: its outcome also settles Keycloak's CIBA request of that id. */
    public EcpsRequest open(String idNat, PushSource source, String clientName, String bindingMessage, int seconds,
            String cibaAuthResultId) {
        String id = HexFormat.of().formatHex(randomBytes(16));
        String shown = bindingMessage != null && bindingMessage.matches("[0-9]{2}") ? bindingMessage : twoDigits();
        Instant now = Instant.now();
        EcpsRequest request = new EcpsRequest(id, idNat, shown, choices(shown), clientName, bindingMessage, now,
                now.plusSeconds(seconds), cibaAuthResultId);
        store.put(REQUEST + id, seconds, request.notes());
        List<Map.Entry<String, EcpsRequest>> others = outstandingBySource(idNat).stream()
                .filter(other -> !other.getKey().equals(source.key())).toList();
        Map<String, String> current = new LinkedHashMap<>();
        long lifetime = seconds;
        // Newest first, so that the oldest sources are the ones left out past MAX_SOURCES.
        for (Map.Entry<String, EcpsRequest> other : others.subList(0, Math.min(others.size(), MAX_SOURCES - 1))) {
            current.put(other.getKey(), other.getValue().id());
            lifetime = Math.max(lifetime, other.getValue().expiresAt().getEpochSecond()
                    - Instant.now().getEpochSecond());
        }
        current.put(source.key(), id);
        store.put(CURRENT + idNat, lifetime, current);
        changes.accept(RequestEvents.professional(idNat));
        PscMeters.count(PscMetric.ECPS_REQUESTS_OPENED, channel(request));
        return request;
    }

    /** The request, while it lives. */
    public Optional<EcpsRequest> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        Map<String, String> notes = store.get(REQUEST + id);
        EcpsRequest request = notes == null ? null : EcpsRequest.of(id, notes);
        return request == null || request.expired(Instant.now()) ? Optional.empty() : Optional.of(request);
    }

    /** The newest outstanding request of this idNat, if any. */
    public Optional<EcpsRequest> current(String idNat) {
        return outstanding(idNat).stream().findFirst();
    }

    /** This idNat's outstanding requests, one per source at most, undecided and alive; the newest first. */
    public List<EcpsRequest> outstanding(String idNat) {
        return outstandingBySource(idNat).stream().map(Map.Entry::getValue).toList();
    }

    private List<Map.Entry<String, EcpsRequest>> outstandingBySource(String idNat) {
        Map<String, String> current = store.get(CURRENT + idNat);
        if (current == null) {
            return List.of();
        }
        List<Map.Entry<String, EcpsRequest>> requests = new ArrayList<>();
        current.forEach((source, id) -> {
            if (!store.contains(DECIDED + id)) {
                find(id).filter(request -> request.idNat().equals(idNat))
                        .ifPresent(request -> requests.add(Map.entry(source, request)));
            }
        });
        requests.sort(Comparator.comparing((Map.Entry<String, EcpsRequest> entry) -> entry.getValue().openedAt())
                .reversed());
        return requests;
    }

    /** True if this request is still its source's outstanding one (that source's newer request replaces it). */
    public boolean isCurrent(EcpsRequest request) {
        Map<String, String> current = store.get(CURRENT + request.idNat());
        return current != null && current.containsValue(request.id());
    }

    /** Records the decision if it is the first for this request; false if one was already recorded. */
    public boolean decide(EcpsRequest request, Outcome outcome, String deviceId) {
        long seconds = Math.max(1, request.expiresAt().getEpochSecond() - Instant.now().getEpochSecond()) + 60;
        if (!store.putIfAbsent(DECIDED + request.id(), seconds)) {
            return false;
        }
        store.put(OUTCOME + request.id(), seconds, Map.of("outcome", outcome.name(), "device", deviceId));
        changes.accept(RequestEvents.request(request.id()));
        PscMeters.count(PscMetric.ECPS_OUTCOMES, channel(request), outcome.code());
        if (outcome == Outcome.APPROVED) {
            PscMeters.approval(channel(request), java.time.Duration.between(request.openedAt(), Instant.now()));
        }
        return true;
    }

    /** The metrics' channel of a request: a relying service's CIBA request, or a browser's login. */
    private static String channel(EcpsRequest request) {
        return request.cibaAuthResultId() == null ? "browser" : EcpsEvents.CIBA;
    }

    public record Decision(Outcome outcome, String deviceId) {
    }

    /** The decision on a request, if any; expired once its time is up (or it is gone) without one. */
    public Optional<Decision> decision(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return Optional.of(new Decision(Outcome.EXPIRED, ""));
        }
        Map<String, String> outcome = store.get(OUTCOME + id);
        if (outcome != null) {
            return Optional.of(new Decision(Outcome.valueOf(outcome.get("outcome")), outcome.get("device")));
        }
        Map<String, String> notes = store.get(REQUEST + id);
        if (notes == null || EcpsRequest.of(id, notes).expired(Instant.now())) {
            return Optional.of(new Decision(Outcome.EXPIRED, ""));
        }
        return Optional.empty();
    }

    static String twoDigits() {
        return Integer.toString(10 + RANDOM.nextInt(90));
    }

    /** The shown code and two other distinct 2-digit codes, in random order. */
    static List<String> choices(String shown) {
        List<String> choices = new ArrayList<>(List.of(shown));
        while (choices.size() < 3) {
            String other = twoDigits();
            if (!choices.contains(other)) {
                choices.add(other);
            }
        }
        Collections.shuffle(choices, RANDOM);
        return List.copyOf(choices);
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
