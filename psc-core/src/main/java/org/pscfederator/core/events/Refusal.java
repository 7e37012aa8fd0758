package org.pscfederator.core.events;

import java.util.Locale;

/**
 * A refusal's code: the {@code psc_reason} of its event, and the key of its message in the login theme. The code is
 * the constant's name in lower case, so that a refusal cannot carry a code other than the one it is named by.
 */
public interface Refusal {

    /** The enum constant's name. */
    String name();

    /** The wire code, as events and pages carry it. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The login theme's message key for it, or null where no page says it (an OAuth error says it instead). */
    String messageKey();
}
