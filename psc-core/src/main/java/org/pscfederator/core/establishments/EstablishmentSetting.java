package org.pscfederator.core.establishments;

import org.pscfederator.core.settings.Range;

/**
 * Every setting PSC reads from an establishment's identity provider (its configuration map), with its default, its
 * range and its meaning. The one list: {@link EstablishmentSettings} reads nothing else, and docs/realm-settings.md
 * documents exactly these (EstablishmentSettingsDocumentedTest).
 */
public enum EstablishmentSetting {
    ESTABLISHMENT("pscEstablishment", null, Range.oneOf("true"),
            "marks the provider as an establishment's: PSC's checks apply to its logins"),
    STRUCTURES("pscStructures", null, Range.text("comma-separated `finess:<9 digits>`, `siret:<14 digits>` or"
            + " `structure:<technical id>`, at least one"),
            "the structures the establishment vouches for: a professional pairs only with an activity at one of them"),
    AMR_ALL_OF("pscAmrAllOf", "mfa", Range.text("space-separated amr values"),
            "amr values the establishment's ID token must all assert"),
    AMR_ANY_OF("pscAmrAnyOf", "otp hwk swk", Range.text("space-separated amr values"),
            "amr values of which the establishment's ID token must assert one"),
    SUBJECT_CLAIMS("pscSubjectClaims", "sub", Range.oneOf("sub", "tid oid"),
            "the claims that name the local account: `sub`, or `tid oid` (Entra ID: `<tid>:<oid>`)"),
    PAIRING_DAYS("pscPairingDays", "365", Range.number(1, 3650),
            "how long a pairing lasts before the card or e-CPS is asked again, in days"),
    ESTABLISHMENT_NAME("pscEstablishmentName", null, Range.text("text, 1 to 120 characters"),
            "the establishment's name as professionals read it on PSC's pages");

    private final String attribute;
    private final String defaultValue;
    private final Range range;
    private final String meaning;

    EstablishmentSetting(String attribute, String defaultValue, Range range, String meaning) {
        this.attribute = attribute;
        this.defaultValue = defaultValue;
        this.range = range;
        this.meaning = meaning;
    }

    /** The configuration key of the identity provider. */
    public String attribute() {
        return attribute;
    }

    /** The value when absent or blank; null when the setting is required. */
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
