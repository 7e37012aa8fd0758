package org.pscfederator.keycloak.cps;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.pscfederator.core.identifiers.IdNat;

/**
 * The idNat a card certificate names: its subject's CN, through the realm's pattern (group 1). The sandbox's cards
 * carry the idNat as their whole CN, structure staff's included ({@code 3500000001815646/CPAT00045}); a production
 * realm sets the pattern that IGC-Santé's card profile needs. What the pattern finds must be an idNat's shape
 * ({@link IdNat#wellFormed}); anything else is refused.
 */
public final class CardIdNat {

    private CardIdNat() {
    }

    /** @param pattern the realm's, {@code pscCardIdNatPattern} (RealmSettings checks it has a group 1) */
    public static Optional<String> of(X509Certificate certificate, Pattern pattern) {
        return commonName(certificate.getSubjectX500Principal()).flatMap(cn -> {
            Matcher matcher = pattern.matcher(cn);
            if (!matcher.matches() || matcher.groupCount() < 1 || matcher.group(1) == null) {
                return Optional.empty();
            }
            String idNat = matcher.group(1);
            return IdNat.wellFormed(idNat) ? Optional.of(idNat) : Optional.empty();
        });
    }

    private static Optional<String> commonName(X500Principal subject) {
        try {
            String found = null;
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    if (found != null) {
                        return Optional.empty(); // two CNs: ambiguous, refused
                    }
                    found = String.valueOf(rdn.getValue());
                }
            }
            return Optional.ofNullable(found);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
