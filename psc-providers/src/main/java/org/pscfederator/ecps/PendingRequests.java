package org.pscfederator.ecps;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Pending requests and their outcomes in Keycloak's single-use object store (Infinispan, cluster-wide): one
 * outstanding request per idNat, a new one replacing it; the first decision recorded for a request is the only one
 * that counts ({@code putIfAbsent}).
 */
public final class PendingRequests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REQUEST = "psc-ecps-request:";
    private static final String CURRENT = "psc-ecps-current:";
    private static final String DECIDED = "psc-ecps-decided:";
    private static final String OUTCOME = "psc-ecps-outcome:";

    private final SingleUseObjectProvider store;

    public PendingRequests(KeycloakSession session) {
        this(session.singleUseObjects());
    }

    PendingRequests(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** A new request for this idNat, replacing any outstanding one. */
    public EcpsRequest open(String idNat, String clientName, String bindingMessage, int seconds) {
        return open(idNat, clientName, bindingMessage, seconds, null);
    }

    /** A request for a CIBA authentication: its outcome also settles Keycloak's CIBA request of that id. */
    public EcpsRequest open(String idNat, String clientName, String bindingMessage, int seconds,
            String cibaAuthResultId) {
        String id = HexFormat.of().formatHex(randomBytes(16));
        String shown = bindingMessage != null && bindingMessage.matches("[0-9]{2}") ? bindingMessage : twoDigits();
        EcpsRequest request = new EcpsRequest(id, idNat, shown, choices(shown), clientName, bindingMessage,
                Instant.now().plusSeconds(seconds), cibaAuthResultId);
        store.put(REQUEST + id, seconds, request.notes());
        store.put(CURRENT + idNat, seconds, Map.of("request", id));
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

    /** The outstanding request of this idNat, unless decided or replaced. */
    public Optional<EcpsRequest> current(String idNat) {
        Map<String, String> current = store.get(CURRENT + idNat);
        if (current == null) {
            return Optional.empty();
        }
        String id = current.get("request");
        if (store.contains(DECIDED + id)) {
            return Optional.empty();
        }
        return find(id).filter(request -> request.idNat().equals(idNat));
    }

    /** True if this idNat's outstanding request is still this one (a newer request replaces it). */
    public boolean isCurrent(EcpsRequest request) {
        Map<String, String> current = store.get(CURRENT + request.idNat());
        return current != null && request.id().equals(current.get("request"));
    }

    /** Records the decision if it is the first for this request; false if one was already recorded. */
    public boolean decide(EcpsRequest request, Outcome outcome, String deviceId) {
        long seconds = Math.max(1, request.expiresAt().getEpochSecond() - Instant.now().getEpochSecond()) + 60;
        if (!store.putIfAbsent(DECIDED + request.id(), seconds)) {
            return false;
        }
        store.put(OUTCOME + request.id(), seconds, Map.of("outcome", outcome.name(), "device", deviceId));
        return true;
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
