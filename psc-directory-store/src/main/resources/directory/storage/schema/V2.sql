-- Directory schema, version 2: a line is stored whole (its 56 fields joined by '|', the national file's own
-- separator, which no field holds) instead of in 56 columns. PostgreSQL parses one column instead of 56 on COPY,
-- which halves the import's database time; the providers split the line again when they read it.
-- The separate ID_NAT index goes: the primary key (DIRECTORY, GENERATION, ID_NAT, SEQ) serves every lookup.
CREATE TABLE PSC_DIR_LINE (
    DIRECTORY VARCHAR(16) NOT NULL,
    GENERATION BIGINT NOT NULL,
    ID_NAT VARCHAR(64) NOT NULL,
    SEQ INT NOT NULL,
    KIND VARCHAR(8) NOT NULL,  -- PS (national file), CPE or CPA (staff cards)
    NAME_UPPER VARCHAR(1000) NOT NULL,  -- the name (column 8, nom d'exercice) in upper case, for the search
    LINE VARCHAR(60000) NOT NULL,
    CONSTRAINT PK_PSC_DIR_LINE PRIMARY KEY (DIRECTORY, GENERATION, ID_NAT, SEQ)
);
CREATE INDEX PSC_DIR_LINE_NAME ON PSC_DIR_LINE (NAME_UPPER);
INSERT INTO PSC_DIR_LINE (DIRECTORY, GENERATION, ID_NAT, SEQ, KIND, NAME_UPPER, LINE)
    SELECT DIRECTORY, GENERATION, ID_NAT, SEQ, KIND, UPPER(F08),
        F01 || '|' || F02 || '|' || F03 || '|' || F04 || '|' || F05 || '|' || F06 || '|' || F07 || '|' || F08 || '|' || F09 || '|' || F10 || '|' || F11 || '|' || F12 || '|' || F13 || '|' || F14 || '|' || F15 || '|' || F16 || '|' || F17 || '|' || F18 || '|' || F19 || '|' || F20 || '|' || F21 || '|' || F22 || '|' || F23 || '|' || F24 || '|' || F25 || '|' || F26 || '|' || F27 || '|' || F28 || '|' || F29 || '|' || F30 || '|' || F31 || '|' || F32 || '|' || F33 || '|' || F34 || '|' || F35 || '|' || F36 || '|' || F37 || '|' || F38 || '|' || F39 || '|' || F40 || '|' || F41 || '|' || F42 || '|' || F43 || '|' || F44 || '|' || F45 || '|' || F46 || '|' || F47 || '|' || F48 || '|' || F49 || '|' || F50 || '|' || F51 || '|' || F52 || '|' || F53 || '|' || F54 || '|' || F55 || '|' || F56
    FROM PSC_DIR_ENTRY;
DROP TABLE PSC_DIR_ENTRY;
