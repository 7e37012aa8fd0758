package org.pscfederator.realmconfig;

import java.util.Locale;

/** The two realms kept as code: the same base, with the sandbox's test identities and relaxations or without. */
public enum RealmVariant {
    SANDBOX, PRODUCTION;

    String overlayResource() {
        return "realms/" + name().toLowerCase(Locale.ROOT) + "/" + RealmAssembler.REALM_FILE;
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
