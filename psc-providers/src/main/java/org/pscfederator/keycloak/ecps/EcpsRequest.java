package org.pscfederator.keycloak.ecps;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pending e-CPS request (from the browser, or from a relying service's CIBA request, whose Keycloak request id it
 * keeps): who is asked, the code the login page shows, the three codes the phone offers (one of
 * them right), since and until when. Kept as the notes of a single-use object, so every node reads the same.
 */
public record EcpsRequest(String id, String idNat, String shownCode, List<String> choices, String clientName,
        String bindingMessage, Instant openedAt, Instant expiresAt, String cibaAuthResultId) {

    Map<String, String> notes() {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("idNat", idNat);
        notes.put("shown", shownCode);
        notes.put("choices", String.join(",", choices));
        notes.put("client", clientName == null ? "" : clientName);
        notes.put("binding", bindingMessage == null ? "" : bindingMessage);
        notes.put("opened", openedAt.toString());
        notes.put("expires", Long.toString(expiresAt.getEpochSecond()));
        notes.put("ciba", cibaAuthResultId == null ? "" : cibaAuthResultId);
        return notes;
    }

    static EcpsRequest of(String id, Map<String, String> notes) {
        return new EcpsRequest(id, notes.get("idNat"), notes.get("shown"), List.of(notes.get("choices").split(",")),
                notes.get("client"), notes.get("binding"), Instant.parse(notes.get("opened")),
                Instant.ofEpochSecond(Long.parseLong(notes.get("expires"))),
                notes.getOrDefault("ciba", "").isEmpty() ? null : notes.get("ciba"));
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
