package org.pscfederator.keycloak.ecps;

import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.services.ErrorResponseException;

/**
 * PSC's rules for a CIBA request beyond CIBA Core (docs/domain/oidc-rules.md): the {@code binding_message} is the two
 * digits the relying service chose, which the phone shows as they are and the professional picks; PSC's own
 * {@code channel} parameter says where the request goes, and only the phone ({@code MOBILE}, the default) is offered.
 * Checked before any push, so that a refused request reaches no phone.
 */
final class CibaRequestRules {

    static final String CHANNEL = "channel";
    static final String BINDING_MESSAGE = "binding_message";
    private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");

    /** CIBA Core 1.0 §13: the binding message is invalid or unacceptable. */
    static final String INVALID_BINDING_MESSAGE = "invalid_binding_message";

    enum Channel { MOBILE, CARD }

    private CibaRequestRules() {
    }

    static void check(MultivaluedMap<String, String> form) {
        String binding = form.getFirst(BINDING_MESSAGE);
        if (binding == null || !TWO_DIGITS.matcher(binding).matches()) {
            throw refused(INVALID_BINDING_MESSAGE, "binding_message must be two digits (00 to 99): the code the"
                    + " professional picks on the phone");
        }
        String channel = form.getFirst(CHANNEL);
        if (channel == null || channel.equals(Channel.MOBILE.name())) {
            return;
        }
        if (channel.equals(Channel.CARD.name())) {
            throw refused(OAuthErrorException.INVALID_REQUEST, "channel=CARD is not offered here: CIBA requests go"
                    + " to the professional's e-CPS app (channel=MOBILE, the default)");
        }
        throw refused(OAuthErrorException.INVALID_REQUEST, "unknown channel: the only channel offered is MOBILE");
    }

    private static ErrorResponseException refused(String error, String description) {
        return new ErrorResponseException(error, description, Response.Status.BAD_REQUEST);
    }
}
