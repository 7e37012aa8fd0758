package org.pscfederator.keycloak.ecps;

import org.keycloak.models.RealmModel;

/**
 * e-CPS settings, from realm attributes (realm as code): how long a request waits for the phone, how many pushes an
 * identifier or an address may cause per minute, and which notification and push channels the realm uses.
 */
public record EcpsSettings(int requestSeconds, int pushesPerIdNatPerMinute, int pushesPerIdNatPerSourcePerMinute,
        int pushesPerAddressPerMinute, int activationCodeSeconds, int activationsPerIdNatPerHour,
        int activationsPerAddressPerHour, int activationGuessesPerIdNatPerHour, int activationGuessesPerAddressPerHour,
        String notifications, String push) {

    public static final String REQUEST_SECONDS = "pscEcpsRequestSeconds";
    /** Every source together: the ceiling that stops a flood of a professional's phone. */
    public static final String PUSHES_PER_ID_NAT = "pscEcpsPushesPerIdNatPerMinute";
    /** One source (a browser's address, a relying service): what one attacker can spend of a professional's pushes. */
    public static final String PUSHES_PER_ID_NAT_PER_SOURCE = "pscEcpsPushesPerIdNatPerSourcePerMinute";
    public static final String PUSHES_PER_ADDRESS = "pscEcpsPushesPerAddressPerMinute";
    /** Activation codes sent to a professional's contact details, hence messages sent to them. */
    public static final String ACTIVATIONS_PER_ID_NAT = "pscEcpsActivationsPerIdNatPerHour";
    public static final String ACTIVATIONS_PER_ADDRESS = "pscEcpsActivationsPerAddressPerHour";
    /** Wrong activation codes tried for one professional, whichever code was issued: what bounds guessing. */
    public static final String ACTIVATION_GUESSES_PER_ID_NAT = "pscEcpsActivationGuessesPerIdNatPerHour";
    public static final String ACTIVATION_GUESSES_PER_ADDRESS = "pscEcpsActivationGuessesPerAddressPerHour";
    public static final String ACTIVATION_CODE_SECONDS = "pscEcpsActivationCodeSeconds";
    /** {@code outbox} (sandbox: readable by an admin) or {@code email} (the realm's SMTP settings). */
    public static final String NOTIFICATIONS = "pscEcpsNotifications";
    /** {@code outbox} (sandbox: the simulator long-polls it) or {@code relay} (the push relay, mutual TLS). */
    public static final String PUSH = "pscEcpsPush";

    public static EcpsSettings of(RealmModel realm) {
        return new EcpsSettings(
                number(realm, REQUEST_SECONDS, 120, 10, 600),
                number(realm, PUSHES_PER_ID_NAT, 20, 1, 1000),
                number(realm, PUSHES_PER_ID_NAT_PER_SOURCE, 5, 1, 1000),
                number(realm, PUSHES_PER_ADDRESS, 30, 1, 10_000),
                number(realm, ACTIVATION_CODE_SECONDS, 90, 30, 3600),
                number(realm, ACTIVATIONS_PER_ID_NAT, 3, 1, 100),
                number(realm, ACTIVATIONS_PER_ADDRESS, 10, 1, 10_000),
                number(realm, ACTIVATION_GUESSES_PER_ID_NAT, 5, 1, 100),
                number(realm, ACTIVATION_GUESSES_PER_ADDRESS, 20, 1, 10_000),
                choice(realm, NOTIFICATIONS, "email", "outbox", "email"),
                choice(realm, PUSH, "relay", "outbox", "relay"));
    }

    /** A bad value falls back to the default: a typo must not disable the limits. */
    private static int number(RealmModel realm, String name, int fallback, int min, int max) {
        String value = realm.getAttribute(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            return parsed < min || parsed > max ? fallback : parsed;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String choice(RealmModel realm, String name, String fallback, String... allowed) {
        String value = realm.getAttribute(name);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return candidate;
            }
        }
        return fallback;
    }
}
