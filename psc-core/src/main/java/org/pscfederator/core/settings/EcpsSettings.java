package org.pscfederator.core.settings;

/**
 * e-CPS settings of a realm: how long a request waits for the phone, how many pushes an identifier or an address may
 * cause per minute, how many activation codes and guesses per hour, and which notification and push channels the
 * realm uses. Read by {@link RealmSettings#ecps()}.
 */
public record EcpsSettings(int requestSeconds, int pushesPerIdNatPerMinute, int pushesPerIdNatPerSourcePerMinute,
        int pushesPerAddressPerMinute, int activationCodeSeconds, int activationsPerIdNatPerHour,
        int activationsPerAddressPerHour, int activationGuessesPerIdNatPerHour, int activationGuessesPerAddressPerHour,
        Notifications notifications, PushChannel push) {

    /** How activation codes reach the professional. */
    public enum Notifications {
        /** The sandbox's: kept for an administrator (and the simulator) to read. */
        OUTBOX,
        /** The realm's SMTP settings. */
        EMAIL
    }

    /** How pushes reach the phone. */
    public enum PushChannel {
        /** The sandbox's: the simulator long-polls it. */
        OUTBOX,
        /** The push relay, over mutual TLS. */
        RELAY;

        /** The id of the push gateway provider that serves this channel. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
