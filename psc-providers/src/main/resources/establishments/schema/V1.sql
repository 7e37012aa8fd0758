-- Pairings of establishments' local accounts with professionals, version 1. A pairing says: this local account
-- (SUBJECT) at this establishment's identity provider (PROVIDER, its alias in the realm) is this professional
-- (ID_NAT, Keycloak user USER_ID), as proved by their card or e-CPS (MEANS) at CREATED_AT, until EXPIRES_AT. One
-- pairing per local account and one per professional at each provider.
CREATE TABLE IF NOT EXISTS PSC_PAIRING (
    REALM_ID VARCHAR(36) NOT NULL,
    PROVIDER VARCHAR(255) NOT NULL,
    SUBJECT VARCHAR(255) NOT NULL,
    ID_NAT VARCHAR(64) NOT NULL,
    USER_ID VARCHAR(255) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    MEANS VARCHAR(16) NOT NULL,
    EXPIRES_AT TIMESTAMP NOT NULL,
    CONSTRAINT PK_PSC_PAIRING PRIMARY KEY (REALM_ID, PROVIDER, SUBJECT),
    CONSTRAINT UK_PSC_PAIRING_ID_NAT UNIQUE (REALM_ID, PROVIDER, ID_NAT)
);
CREATE INDEX IF NOT EXISTS PSC_PAIRING_BY_ID_NAT ON PSC_PAIRING (REALM_ID, ID_NAT);
