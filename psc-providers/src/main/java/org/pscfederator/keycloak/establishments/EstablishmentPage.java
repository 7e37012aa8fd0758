package org.pscfederator.keycloak.establishments;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.events.Errors;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.PairingResult;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.logging.EventFields;

/**
 * The refusal of a delegated login or a pairing: its event (the broker flow's own type,
 * {@code IDENTITY_PROVIDER_FIRST_LOGIN_ERROR} or {@code IDENTITY_PROVIDER_POST_LOGIN_ERROR}), and the French page
 * saying why, whose link starts the login again on PSC's own means.
 */
final class EstablishmentPage {

    static final String ERROR_TEMPLATE = "psc-establishment-error.ftl";
    private static final Logger LOG = Logger.getLogger(EstablishmentPage.class);

    private EstablishmentPage() {
    }

    static void refuse(AuthenticationFlowContext context, String alias, String name, EstablishmentRefusal reason) {
        EstablishmentEvents.about(context.getEvent(), alias, PairingResult.REFUSED)
                .detail(EventDetail.REASON.wire(), reason.code()).error(Errors.ACCESS_DENIED);
        EventFields.info(LOG, "delegated login refused: " + reason.code(), context.getEvent());
        // Starting again goes to PSC's login page, the card and e-CPS, not back to the establishment's provider.
        context.getAuthenticationSession().removeClientNote(AdapterConstants.KC_IDP_HINT);
        Response page = context.form().setAttribute("pscEstablishmentReason", reason.code())
                .setAttribute("pscEstablishmentName", name == null ? "" : name)
                .createForm(ERROR_TEMPLATE);
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, page);
    }
}
