package org.pscfederator.keycloak.metrics;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.pscfederator.core.certificates.CertificateRejection;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.events.CardRefusal;
import org.pscfederator.core.events.ClientRefusal;
import org.pscfederator.core.events.EcpsRefusal;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.core.events.Refusal;
import org.pscfederator.keycloak.clientauth.OrgCertificateAuthenticatorFactory;
import org.pscfederator.keycloak.cps.CardLogin;
import org.pscfederator.keycloak.ecps.EcpsEvents;
import org.pscfederator.keycloak.establishments.EstablishmentEvents;

/**
 * Counts PSC's logins, refusals and relying services' accepted token requests from the events the logins already
 * send, so that the metrics and the audit trail cannot tell different stories. A refused relying service is counted
 * where it is refused (the client authenticator): a refusal may leave more than one event. Label values come from fixed sets: a detail
 * outside them counts as {@code other}, never as itself.
 */
final class PscEventMetrics implements EventListenerProvider {

    static final String CARD = "card";
    static final String ECPS = "ecps";
    static final String CIBA = "ciba";
    static final String ESTABLISHMENT = "establishment";
    static final String OTHER = "other";
    static final String NONE = "none";

    private static final Set<EventType> TOKEN_GRANTS = EnumSet.of(EventType.CODE_TO_TOKEN, EventType.REFRESH_TOKEN,
            EventType.CLIENT_LOGIN, EventType.AUTHREQID_TO_TOKEN, EventType.TOKEN_EXCHANGE);

    /** A login refused: on PSC's login page, or in an establishment's broker flows (the pairing, the check). */
    private static final Set<EventType> LOGIN_ERRORS = EnumSet.of(EventType.LOGIN_ERROR,
            EventType.IDENTITY_PROVIDER_FIRST_LOGIN_ERROR, EventType.IDENTITY_PROVIDER_POST_LOGIN_ERROR);

    /** Every reason code PSC's events carry for a login or a client's authentication. */
    private static final Set<String> REASONS = Stream.of(Stream.of(CardRefusal.values()),
            Stream.of(EcpsRefusal.values()), Stream.of(ClientRefusal.values()),
            Stream.of(EstablishmentRefusal.values()))
            .flatMap(refusals -> refusals.map(Refusal::code))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> CERTIFICATE_REASONS = Stream.of(CertificateRejection.values())
            .map(CertificateRejection::code).collect(Collectors.toUnmodifiableSet());

    @Override
    public void onEvent(Event event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        EventType type = event.getType();
        if (TOKEN_GRANTS.contains(type)) {
            PscMeters.count(PscMetric.TOKEN_REQUESTS, clientAuth(details), "accepted", NONE);
            if (type == EventType.AUTHREQID_TO_TOKEN) {
                PscMeters.count(PscMetric.LOGINS, CIBA, "success");
            }
            return;
        }
        if (type != EventType.LOGIN && !LOGIN_ERRORS.contains(type)) {
            return;
        }
        String means = means(details);
        if (means == null || details.containsKey(EventDetail.ECPS_ACTION.wire())) {
            // Not a PSC login, or the phone's side of an e-CPS request (counted by its outcome).
            return;
        }
        if (type == EventType.LOGIN) {
            PscMeters.count(PscMetric.LOGINS, means, "success");
        } else {
            PscMeters.count(PscMetric.LOGINS, means, "refused");
            PscMeters.count(PscMetric.REFUSALS, means, reason(details));
        }
    }

    /**
     * card (a professional's CPS or a structure staff card alike), ecps, ciba; null for an event that is not a PSC
     * login. A delegated login through an establishment's own identity provider is {@code establishment}: its
     * refusals say so, its success is Keycloak's login event naming the provider.
     */
    static String means(Map<String, String> details) {
        String means = details.get(EventDetail.MEANS.wire());
        if (EstablishmentEvents.MEANS.equals(means) || details.containsKey(Details.IDENTITY_PROVIDER)) {
            return ESTABLISHMENT;
        }
        if (CardLogin.MEANS.equals(means)) {
            return CARD;
        }
        if (EcpsEvents.MEANS.equals(means)) {
            return EcpsEvents.CIBA.equals(details.get(EventDetail.CHANNEL.wire())) ? CIBA : ECPS;
        }
        return null;
    }


    static String reason(Map<String, String> details) {
        String reason = details.get(EventDetail.REASON.wire());
        if (reason == null) {
            return NONE;
        }
        return REASONS.contains(reason) || CERTIFICATE_REASONS.contains(reason) ? reason : OTHER;
    }

    /** tls_client_auth (PSC's ORG certificate authenticator), client_secret, other. */
    static String clientAuth(Map<String, String> details) {
        String psc = details.get(EventDetail.CLIENT_AUTH.wire());
        String method = psc != null ? psc : details.get(Details.CLIENT_AUTH_METHOD);
        if (method == null) {
            return OTHER;
        }
        if (method.equals(OrgCertificateAuthenticatorFactory.PROVIDER_ID)) {
            return "tls_client_auth";
        }
        return method.startsWith("client-secret") ? "client_secret" : OTHER;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
