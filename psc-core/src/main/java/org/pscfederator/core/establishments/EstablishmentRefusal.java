package org.pscfederator.core.establishments;

import org.pscfederator.core.events.Refusal;

/**
 * Why a delegated login (an establishment's identity provider) or a pairing was refused or ended; the page says it
 * in French from {@code pscEstablishment.<code>}.
 */
public enum EstablishmentRefusal implements Refusal {
    /** The establishment's login did not assert the methods its provider's rule asks for. */
    AMR_NOT_MET,
    /** The ID token's amr is absent or not an array of strings. */
    AMR_INVALID,
    /** The claims naming the local account are missing. */
    SUBJECT_MISSING,
    /** None of the professional's activities is at a structure the establishment vouches for. */
    NOT_IN_STRUCTURE,
    /** This idNat is already paired at this establishment with another local account. */
    ALREADY_PAIRED,
    PAIRING_EXPIRED,
    PAIRING_REMOVED,
    /** The professional is no longer in the national directory. */
    LEFT_DIRECTORY,
    /** The professional no longer works at any structure the establishment vouches for. */
    LEFT_STRUCTURE,
    PROVIDER_DISABLED,
    /** The provider's settings are missing or invalid (the log names the attribute), or it is not an establishment's. */
    NOT_ESTABLISHMENT;

    @Override
    public String messageKey() {
        return "pscEstablishment." + code();
    }
}
