package org.pscfederator.core.events;

/**
 * The details PSC adds to Keycloak's events (and, for the means and the device, to the user session's notes), by
 * their wire name: what audits and the integration tests query.
 */
public enum EventDetail {
    /** How the professional logged in: {@code CPS} or {@code e-CPS}. */
    MEANS("psc_means"),
    ID_NAT("psc_idnat"),
    /**
     * The idNat a refused card certificate names, unverified (a lookalike may name anyone): how a refusal before the
     * professional is known is still found by the audit of that idNat.
     */
    CLAIMED_ID_NAT("psc_claimed_idnat"),
    /**
     * Why it was refused: the code of a {@link CardRefusal}, an {@link EcpsRefusal}, a {@link ClientRefusal}, an
     * {@code EstablishmentRefusal}.
     */
    REASON("psc_reason"),
    DEVICE("psc_device"),
    /** How an e-CPS request ended: approved, denied, wrong_code, expired. */
    OUTCOME("psc_outcome"),
    ECPS_ACTION("psc_ecps_action"),
    ECPS_REQUEST("psc_ecps_request"),
    CERT_SERIAL("psc_cert_serial"),
    CERT_ISSUER("psc_cert_issuer"),
    /** {@code ciba} on the events of a relying service's backchannel (CIBA) request, absent for a browser's login. */
    CHANNEL("psc_channel"),
    /** How a relying service authenticated. */
    CLIENT_AUTH("psc_client_auth"),
    /** What the professional did in their own space, "Mon compte e-CPS": {@code logout_all}, {@code not_me}. */
    SPACE_ACTION("psc_space_action"),
    /** The id of the login event the professional reported with "Ce n'était pas moi". */
    REPORTED_LOGIN("psc_reported_login"),
    /** How many login sessions the professional's action in their space ended. */
    SESSIONS_ENDED("psc_sessions_ended"),
    /** The alias of the establishment's identity provider of a delegated login or a pairing. */
    ESTABLISHMENT("psc_establishment"),
    /** What became of the pairing: a {@code PairingResult}'s wire ({@code created}, {@code used}, ...). */
    PAIRING("psc_pairing"),
    /** How the pairing was proved: {@code card} or {@code ecps}. */
    PAIRING_MEANS("psc_pairing_means"),
    /** Who ended a pairing: {@code professional}, {@code admin}, or {@code psc} (its checks at a login). */
    ENDED_BY("psc_ended_by"),
    /** How many pairings an action ended. */
    PAIRINGS_ENDED("psc_pairings_ended");

    private final String wire;

    EventDetail(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
