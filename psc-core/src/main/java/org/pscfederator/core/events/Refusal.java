package org.pscfederator.core.events;

/** A refusal's code: the {@code psc_reason} of its event, and the key of its message in the login theme. */
public interface Refusal {

    /** The wire code, as events and pages carry it. */
    String code();

    /** The login theme's message key for it, or null where no page says it (an OAuth error says it instead). */
    String messageKey();
}
