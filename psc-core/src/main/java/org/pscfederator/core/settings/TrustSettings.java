package org.pscfederator.core.settings;

import java.time.Duration;
import java.util.List;

/**
 * A realm's certificate trust for one {@link TrustUse}: the anchors (PEM), the policy a certificate must name, the CRL
 * locations and the grace past a CRL's next update. A value: equal settings build equal checks, so a cache keyed by
 * it is right on every node of a cluster, each reading its realm's attributes.
 */
public record TrustSettings(String anchorsPem, String policyOid, List<String> crlLocations, Duration crlGrace) {

    public TrustSettings {
        crlLocations = List.copyOf(crlLocations);
    }
}
