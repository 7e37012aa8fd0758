package org.pscfederator.realmconfig;

import java.util.List;
import java.util.Locale;

/** The two realms kept as code: the same base, with the sandbox's test identities and relaxations or without. */
public enum RealmVariant {
    SANDBOX, PRODUCTION;

    String overlayResource() {
        return resource(RealmAssembler.REALM_NAME);
    }

    String resource(String realm) {
        return "realms/" + name().toLowerCase(Locale.ROOT) + "/" + realm + ".json";
    }

    /**
     * The realms imported beside {@code esante-wallet}, each a whole realm of its own: in the sandbox, the
     * demonstration hospital whose login PSC accepts (identity provider {@code hopital-demo}).
     */
    public List<String> companionRealms() {
        return this == SANDBOX ? List.of(RealmAssembler.SANDBOX_HOSPITAL) : List.of();
    }

    public static RealmVariant parse(String name) {
        for (RealmVariant variant : values()) {
            if (variant.name().equalsIgnoreCase(name)) {
                return variant;
            }
        }
        throw new RealmConfigException("unknown realm variant '" + name + "' (expected sandbox or production)");
    }
}
