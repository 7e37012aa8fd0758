package org.pscfederator.keycloak.establishments;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.PairingResult;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.logging.EventFields;

/** The refusal of a delegated login or a pairing: its event, and the French page saying why. */
final class EstablishmentPage {

    static final String ERROR_TEMPLATE = "psc-establishment-error.ftl";
    private static final Logger LOG = Logger.getLogger(EstablishmentPage.class);

    private EstablishmentPage() {
    }

    static void refuse(AuthenticationFlowContext context, String alias, String name, EstablishmentRefusal reason) {
        EstablishmentEvents.about(context.getEvent(), alias, PairingResult.REFUSED)
                .detail(EventDetail.REASON.wire(), reason.code()).error(Errors.ACCESS_DENIED);
        EventFields.info(LOG, "delegated login refused: " + reason.code(), context.getEvent());
        Response page = context.form().setAttribute("pscEstablishmentReason", reason.code())
                .setAttribute("pscEstablishmentName", name == null ? "" : name)
                .createForm(ERROR_TEMPLATE);
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, page);
    }
}
