package org.pscfederator.keycloak.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.pscfederator.core.certificates.CrlStatus;
import org.pscfederator.keycloak.health.HealthReport.CaCrl;
import org.pscfederator.keycloak.realm.OwnSpi;
import org.pscfederator.keycloak.realm.PscRealm;
import org.pscfederator.keycloak.realm.RealmAdminCheck;

/**
 * {@code GET /auth/realms/{realm}/psc-health}: the node's latest operations health report, for the PSC realm's
 * administrators (and {@code psc-admin}); 503 until the first check has run. Always answered with 200 otherwise,
 * whatever the state: the state is in the body, and in the gauge {@code psc_health_state} for monitoring.
 */
public class HealthResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    HealthResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return PscRealm.of(session).owns(session.getContext().getRealm()) ? this : null;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response report() {
        RealmAdminCheck.require(session);
        return OwnSpi.required(session, PscHealth.class).latest()
                .map(report -> Response.ok(body(report)).build())
                .orElseGet(() -> Response.status(503).entity(Map.of("error", "the first check has not run yet"))
                        .build());
    }

    static Map<String, Object> body(HealthReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", report.at().toString());
        body.put("state", report.overall().name());
        Map<String, Object> checks = new LinkedHashMap<>();
        report.checks().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("state", entry.getValue().state().name());
            check.put("problems", entry.getValue().problems());
            checks.put(entry.getKey().label(), check);
        });
        body.put("checks", checks);
        List<Map<String, Object>> crls = new ArrayList<>();
        for (CaCrl crl : report.crls()) {
            CrlStatus status = crl.status();
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("use", crl.use().name().toLowerCase(Locale.ROOT));
            shown.put("ca", crl.ca());
            shown.put("issuer", status.issuer().getName());
            shown.put("state", status.state().name());
            shown.put("thisUpdate", status.thisUpdate().map(Object::toString).orElse(null));
            shown.put("nextUpdate", status.nextUpdate().map(Object::toString).orElse(null));
            shown.put("refusalPoint", status.refusalPoint().map(Object::toString).orElse(null));
            shown.put("secondsUntilRefusal", status.secondsUntilRefusal());
            shown.put("reason", status.reason());
            crls.add(shown);
        }
        body.put("crls", crls);
        return body;
    }

    @Override
    public void close() {
    }
}
