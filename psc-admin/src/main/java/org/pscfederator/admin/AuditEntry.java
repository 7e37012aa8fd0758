package org.pscfederator.admin;

import java.time.Instant;
import java.util.Map;

import org.keycloak.representations.idm.EventRepresentation;
import org.pscfederator.core.events.EventDetail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One login or refusal of a professional, as the audit shows it: when, how (card or e-CPS), for which relying service,
 * from which address, with which device or card, and how it ended. {@code claimed} marks a refused card that named
 * this idNat without being trusted (a lookalike may name anyone).
 */
record AuditEntry(Instant time, String type, boolean success, String means, String clientId, String ipAddress,
        String device, String cardSerial, String cardIssuer, String reason, boolean claimed) {

    static final String LOGIN = "LOGIN";
    static final String LOGIN_ERROR = "LOGIN_ERROR";

    /**
     * Whether the event is about this professional: Keycloak's user, the idNat our providers put on it, the username
     * Keycloak records for a login, or the idNat a refused card named.
     */
    static boolean concerns(EventRepresentation event, String idNat, String userId) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        return userId != null && userId.equals(event.getUserId())
                || idNat.equalsIgnoreCase(details.getOrDefault(EventDetail.ID_NAT.wire(), ""))
                || idNat.equalsIgnoreCase(details.getOrDefault(EventDetail.CLAIMED_ID_NAT.wire(), ""))
                || idNat.equalsIgnoreCase(details.getOrDefault("username", ""));
    }

    static AuditEntry of(EventRepresentation event, String idNat, String userId) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        boolean success = LOGIN.equals(event.getType());
        String reason = details.get(EventDetail.REASON.wire());
        if (reason == null && !success) {
            reason = event.getError();
        }
        boolean claimed = !(userId != null && userId.equals(event.getUserId()))
                && !idNat.equalsIgnoreCase(details.getOrDefault(EventDetail.ID_NAT.wire(), ""))
                && !idNat.equalsIgnoreCase(details.getOrDefault("username", ""));
        return new AuditEntry(Instant.ofEpochMilli(event.getTime()), event.getType(), success,
                details.get(EventDetail.MEANS.wire()), event.getClientId(), event.getIpAddress(),
                details.get(EventDetail.DEVICE.wire()), details.get(EventDetail.CERT_SERIAL.wire()),
                details.get(EventDetail.CERT_ISSUER.wire()), reason, claimed);
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("time", time.toString());
        node.put("type", type);
        node.put("outcome", success ? "success" : "refused");
        node.put("means", means);
        node.put("client_id", clientId);
        node.put("ip_address", ipAddress);
        node.put("device_id", device);
        node.put("card_serial", cardSerial);
        node.put("card_issuer", cardIssuer);
        node.put("reason", reason);
        node.put("id_nat_claimed_only", claimed);
        return node;
    }

    /** The device or the card, as one column. */
    String credential() {
        if (device != null) {
            return "device " + device;
        }
        return cardSerial != null ? "card " + cardSerial : null;
    }
}
