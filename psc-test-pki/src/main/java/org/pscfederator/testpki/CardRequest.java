package org.pscfederator.testpki;

import org.pscfederator.core.identifiers.IdNat;

/**
 * A person's card authentication certificate to issue. Build with {@link #of(String)} and the {@code with...} methods.
 *
 * <p>The idNat becomes a file name, so it must have an idNat's shape ({@link IdNat#wellFormed}): upper-case letters
 * and digits (e.g. {@code 899700366240}, {@code ANS20231122132732}), and for structure staff one {@code /} (e.g.
 * {@code 3500000001815646/CPAT00045}, file name with {@code _} for {@code /}). Nothing else can name a path. The
 * registry's own rules (prefix, Luhn key) are not checked: tests issue cards to unknown and mistyped idNats.
 */
public record CardRequest(String idNat, String givenName, String familyName, Validity validity, int validityDays,
        boolean revoked) {

    public CardRequest {
        if (!IdNat.wellFormed(idNat)) {
            throw PkiException.badInput("invalid idNat " + PkiException.quote(idNat) + ": expected digits (899700366240),"
                    + " the staff form <structure>/<internal id> (3500000001815646/CPAT00045)"
                    + " or an EDIT test identity (ANS20231122132732)");
        }
        givenName = NameChecks.optional(givenName, "given name");
        familyName = NameChecks.optional(familyName, "family name");
        validity = validity == null ? Validity.NORMAL : validity;
        NameChecks.validityDays(validityDays);
    }

    public static CardRequest of(String idNat) {
        return new CardRequest(idNat, null, null, Validity.NORMAL, SandboxProfile.CARD_DAYS, false);
    }

    public CardRequest withNames(String givenName, String familyName) {
        return new CardRequest(idNat, givenName, familyName, validity, validityDays, revoked);
    }

    public CardRequest withValidity(Validity validity) {
        return new CardRequest(idNat, givenName, familyName, validity, validityDays, revoked);
    }

    public CardRequest withValidityDays(int validityDays) {
        return new CardRequest(idNat, givenName, familyName, validity, validityDays, revoked);
    }

    public CardRequest withRevoked(boolean revoked) {
        return new CardRequest(idNat, givenName, familyName, validity, validityDays, revoked);
    }

    /** Base name of the card's files: the idNat with the staff form's {@code /} as {@code _}. */
    public String fileName() {
        return idNat.replace('/', '_');
    }
}
