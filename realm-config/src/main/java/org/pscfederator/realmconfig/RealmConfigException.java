package org.pscfederator.realmconfig;

/** A realm configuration that cannot be assembled; the message is one line for an operator. */
public class RealmConfigException extends RuntimeException {
    public RealmConfigException(String message) {
        super(message);
    }
}
