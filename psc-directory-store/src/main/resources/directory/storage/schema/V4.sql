-- Directory schema, version 4: the professionals added one at a time beside the imported national directory
-- (the sandbox's test identities, bin/psc-identity), so that only those can be removed one at a time. Their lines
-- are in PSC_DIR_LINE, in the generation that was active when they were added: the next import replaces them with
-- the rest of the directory, and a row here whose GENERATION is no longer the active one names a professional that
-- import dropped.
CREATE TABLE PSC_DIR_ADDED (
    DIRECTORY VARCHAR(16) NOT NULL,
    ID_NAT VARCHAR(64) NOT NULL,
    GENERATION BIGINT NOT NULL,
    ADDED_AT TIMESTAMP NOT NULL,
    SOURCE VARCHAR(255),
    CONSTRAINT PK_PSC_DIR_ADDED PRIMARY KEY (DIRECTORY, ID_NAT)
);
