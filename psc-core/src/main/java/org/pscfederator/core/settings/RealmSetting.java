package org.pscfederator.core.settings;

/**
 * Every realm attribute PSC reads (realm as code: realm-config/realms), with its default, its range and its meaning.
 * The one list: {@link RealmSettings} reads nothing else, and docs/realm-settings.md documents exactly these.
 */
public enum RealmSetting {
    ECPS_REQUEST_SECONDS("pscEcpsRequestSeconds", "120", Range.number(10, 600),
            "how long an e-CPS request waits for the phone, in seconds"),
    /** Every source together: the ceiling that stops a flood of a professional's phone. */
    ECPS_PUSHES_PER_ID_NAT("pscEcpsPushesPerIdNatPerMinute", "20", Range.number(1, 1000),
            "pushes per identifier per minute, every source together"),
    /** One source (a browser's address, a relying service): what one attacker can spend of a professional's pushes. */
    ECPS_PUSHES_PER_ID_NAT_PER_SOURCE("pscEcpsPushesPerIdNatPerSourcePerMinute", "5", Range.number(1, 1000),
            "pushes per identifier per minute from one source (a browser's address, or a relying service for CIBA)"),
    ECPS_PUSHES_PER_ADDRESS("pscEcpsPushesPerAddressPerMinute", "30", Range.number(1, 10_000),
            "pushes per source address per minute, every identifier"),
    ECPS_ACTIVATION_CODE_SECONDS("pscEcpsActivationCodeSeconds", "90", Range.number(30, 3600),
            "validity of an activation code, in seconds"),
    /** Activation codes sent to a professional's contact details, hence messages sent to them. */
    ECPS_ACTIVATIONS_PER_ID_NAT("pscEcpsActivationsPerIdNatPerHour", "3", Range.number(1, 100),
            "activation codes sent to one professional's contact details per hour"),
    ECPS_ACTIVATIONS_PER_ADDRESS("pscEcpsActivationsPerAddressPerHour", "10", Range.number(1, 10_000),
            "activation codes requested by contact from one address per hour"),
    /** Wrong activation codes tried for one professional, whichever code was issued: what bounds guessing. */
    ECPS_ACTIVATION_GUESSES_PER_ID_NAT("pscEcpsActivationGuessesPerIdNatPerHour", "5", Range.number(1, 100),
            "wrong activation codes for one professional per hour, across re-issued codes"),
    ECPS_ACTIVATION_GUESSES_PER_ADDRESS("pscEcpsActivationGuessesPerAddressPerHour", "20", Range.number(1, 10_000),
            "wrong activation codes from one address per hour"),
    ECPS_NOTIFICATIONS("pscEcpsNotifications", "email", Range.oneOf("outbox", "email"),
            "how activation codes reach the professional: the realm's SMTP settings, or the sandbox's outbox"),
    ECPS_PUSH("pscEcpsPush", "relay", Range.oneOf("outbox", "relay"),
            "how pushes reach the phone: the push relay (mutual TLS), or the sandbox's outbox"),
    CARD_TRUST_ANCHORS("pscCardTrustAnchors", null, Range.text("PEM certificates"),
            "the CAs of persons' cards and their roots, for card login"),
    CARD_POLICY_OID("pscCardPolicyOid", null, Range.oid(), "the policy a card's authentication certificate must name"),
    CARD_CRLS("pscCardCrls", null, Range.locations(), "the CRLs of the card CAs, read again at their next update"),
    CARD_ID_NAT_PATTERN("pscCardIdNatPattern", "^(.+)$", Range.patternWithGroup(),
            "applied to the card certificate's CN: its group 1 is the idNat"),
    CLIENT_TRUST_ANCHORS("pscClientTrustAnchors", null, Range.text("PEM certificates"),
            "the organisations' CAs and their roots, for relying services' ORG certificates"),
    CLIENT_POLICY_OID("pscClientPolicyOid", null, Range.oid(),
            "the policy a relying service's AUTH_CLI certificate must name"),
    CLIENT_CRLS("pscClientCrls", null, Range.locations(), "the CRLs of the organisations' CAs"),
    CRL_GRACE_HOURS("pscCrlGraceHours", "6", Range.number(0, 720),
            "how long past a CRL's next update it still counts, in hours; then checks fail closed"),
    CRL_WARNING_HOURS("pscCrlWarningHours", "24", Range.number(0, 720),
            "the health check warns this many hours before a CRL's refusal point (next update plus the grace)"),
    DIRECTORY_MAX_AGE_DAYS("pscDirectoryMaxAgeDays", "8", Range.number(1, 365),
            "the health check warns when the national directory was last imported longer ago than this, in days"),
    CLIENT_SECRET_ALLOWED("pscClientSecretAllowed", "false", Range.flag(),
            "lets psc-org-mtls relying services use a client secret instead of their certificate (sandbox only)"),
    SIGNED_USER_INFO("pscSignedUserInfo", "false", Range.flag(),
            "relying services created in the realm answer userinfo as a signed JWT (RS256)"),
    LOOPBACK_REDIRECTS_ALLOWED("pscLoopbackRedirectsAllowed", "false", Range.flag(),
            "psc-admin registers http redirect URIs on the loopback interface (localhost, 127.0.0.1, [::1], any port)"
                    + " for a vendor's development server (sandbox only)"),
    TEST_IDENTITIES_ALLOWED("pscTestIdentitiesAllowed", "false", Range.flag(),
            "administrators add test professionals beside the imported directory and remove them (bin/psc-identity;"
                    + " sandbox only)");

    private final String attribute;
    private final String defaultValue;
    private final Range range;
    private final String meaning;

    RealmSetting(String attribute, String defaultValue, Range range, String meaning) {
        this.attribute = attribute;
        this.defaultValue = defaultValue;
        this.range = range;
        this.meaning = meaning;
    }

    /** The realm attribute's name. */
    public String attribute() {
        return attribute;
    }

    /** The value when the attribute is absent or blank; null when the use it serves needs it set. */
    public String defaultValue() {
        return defaultValue;
    }

    public Range range() {
        return range;
    }

    public String meaning() {
        return meaning;
    }
}
