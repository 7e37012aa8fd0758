package org.pscfederator.sandbox;

/** Where Keycloak keeps its data: an embedded H2 file in the data folder, or a PostgreSQL server. */
public enum DatabaseKind {
    H2("dev-file"), POSTGRES("postgres");

    private final String keycloakName;

    DatabaseKind(String keycloakName) {
        this.keycloakName = keycloakName;
    }

    String keycloakName() {
        return keycloakName;
    }

    static DatabaseKind parse(String value) {
        return switch (value) {
            case "h2" -> H2;
            case "postgres" -> POSTGRES;
            default -> throw SandboxException.usage("unknown database '" + value + "': use h2 or postgres");
        };
    }
}
