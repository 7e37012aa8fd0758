package org.pscfederator.testpki;

import java.util.regex.Pattern;

/**
 * An ORG AUTH_CLI certificate to issue for a relying service (one per server of a structure). Build with
 * {@link #of(String)} and the {@code with...} methods. The client id is also the file name: letters, digits,
 * {@code -}, {@code _} and {@code .}, at most 64, not starting with a dot.
 */
public record ClientRequest(String clientId, String organisation, String structureId, Validity validity,
        int validityDays, boolean revoked) {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    public ClientRequest {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw PkiException.badInput("invalid client id " + PkiException.quote(clientId)
                    + ": use letters, digits, '-', '_' and '.', at most 64, not starting with '.'");
        }
        organisation = NameChecks.optional(organisation, "organisation name");
        organisation = organisation == null ? clientId : organisation;
        structureId = NameChecks.optional(structureId, "structure identifier");
        validity = validity == null ? Validity.NORMAL : validity;
        NameChecks.validityDays(validityDays);
    }

    public static ClientRequest of(String clientId) {
        return new ClientRequest(clientId, null, null, Validity.NORMAL, SandboxProfile.CLIENT_DAYS, false);
    }

    public ClientRequest withOrganisation(String organisation, String structureId) {
        return new ClientRequest(clientId, organisation, structureId, validity, validityDays, revoked);
    }

    public ClientRequest withValidity(Validity validity) {
        return new ClientRequest(clientId, organisation, structureId, validity, validityDays, revoked);
    }

    public ClientRequest withValidityDays(int validityDays) {
        return new ClientRequest(clientId, organisation, structureId, validity, validityDays, revoked);
    }

    public ClientRequest withRevoked(boolean revoked) {
        return new ClientRequest(clientId, organisation, structureId, validity, validityDays, revoked);
    }
}
