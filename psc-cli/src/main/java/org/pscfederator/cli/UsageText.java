package org.pscfederator.cli;

/**
 * A command whose help is written by hand (aligned as its docs show it) rather than generated from its options:
 * {@code --help} prints exactly this text.
 */
public interface UsageText {

    String usageText();
}
