-- e-CPS devices, version 1. The professionals come from the read-only directory, so their devices live in a table
-- of ours beside it, in Keycloak's database. Until the device store had its own schema, the directory's version 3
-- created this table: a database already there keeps it (IF NOT EXISTS), a new one gets it here.
CREATE TABLE IF NOT EXISTS PSC_ECPS_DEVICE (
    DEVICE_ID VARCHAR(64) NOT NULL,
    ID_NAT VARCHAR(64) NOT NULL,
    PUBLIC_JWK VARCHAR(2000) NOT NULL,  -- EC P-256 public key as a JWK (JSON), never a private part
    LABEL VARCHAR(200) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    LAST_USED_AT TIMESTAMP,
    REVOKED_AT TIMESTAMP,
    CONSTRAINT PK_PSC_ECPS_DEVICE PRIMARY KEY (DEVICE_ID)
);
CREATE INDEX IF NOT EXISTS PSC_ECPS_DEVICE_ID_NAT ON PSC_ECPS_DEVICE (ID_NAT);
