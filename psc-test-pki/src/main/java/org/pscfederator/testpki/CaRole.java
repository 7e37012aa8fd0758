package org.pscfederator.testpki;

/** The three certification authorities of the test PKI, as IGC-Santé has them: a root and two issuing CAs. */
public enum CaRole {
    ROOT("root", "root-ca", "root CA"),
    PERSONS("persons", "persons-ca", "persons CA"),
    ORGANISATIONS("org", "org-ca", "organisations CA");

    private final String stateKey;
    private final String fileName;
    private final String label;

    CaRole(String stateKey, String fileName, String label) {
        this.stateKey = stateKey;
        this.fileName = fileName;
        this.label = label;
    }

    /** Prefix of this CA's keys in the state file. */
    String stateKey() {
        return stateKey;
    }

    /** Base name of this CA's files: {@code ca/<name>.pem}, {@code ca/<name>.crl}, {@code ca/private/<name>.key}. */
    public String fileName() {
        return fileName;
    }

    /** What a user reads in a message. */
    public String label() {
        return label;
    }
}
