package org.pscfederator.keycloak.establishments;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.PairingResult;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.keycloak.http.JsonAnswer;
import org.pscfederator.keycloak.realm.AdminRefusal;
import org.pscfederator.keycloak.realm.PscRealm;
import org.pscfederator.keycloak.realm.RealmAdminCheck;

/**
 * {@code /auth/realms/{realm}/psc-pairings/v1/admin}: the administrators' view of the pairings (docs/establishments.md),
 * with a realm-admin bearer token checked as the device API's admin endpoints are ({@link RealmAdminCheck}). Served
 * in the PSC realm only: elsewhere Keycloak answers 404.
 */
public class PairingApi implements RealmResourceProvider {

    /** Keycloak's aliases are letters, digits and a few separators; anything else names no provider. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private final KeycloakSession session;
    private final PairingStore store;

    PairingApi(KeycloakSession session, PairingStore store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public Object getResource() {
        return PscRealm.of(session).owns(realm()) ? this : null;
    }

    @Override
    public void close() {
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }

    /** The professional's pairings at every provider of the realm, oldest first. */
    @GET
    @Path("v1/admin/pairings")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("idnat") String idNat) throws SQLException {
        Optional<Response> refused = adminRefused(EventType.FEDERATED_IDENTITY_LINK_ERROR, idNat, null);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> parsed = IdNat.typed(idNat);
        if (parsed.isEmpty()) {
            return JsonAnswer.error(400, "invalid_identifier");
        }
        return JsonAnswer.json(200, store.ofIdNat(realm().getId(), parsed.get()).stream().map(PairingApi::shown)
                .toList());
    }

    /** Ends the professional's pairing at that provider: 204, or 404 when there is none. */
    @DELETE
    @Path("v1/admin/pairings")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unpair(@QueryParam("idnat") String idNat, @QueryParam("provider") String provider)
            throws SQLException {
        Optional<Response> refused = adminRefused(EventType.REMOVE_FEDERATED_IDENTITY_ERROR, idNat, provider);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> parsed = IdNat.typed(idNat);
        if (parsed.isEmpty()) {
            return JsonAnswer.error(400, "invalid_identifier");
        }
        if (provider == null || !ALIAS.matcher(provider).matches()) {
            return JsonAnswer.error(400, "invalid_provider");
        }
        Optional<Pairing> pairing = store.byIdNat(realm().getId(), provider, parsed.get());
        if (pairing.isEmpty() || !PairingEnd.end(session, realm(), store, pairing.get(),
                EstablishmentRefusal.PAIRING_REMOVED, PairingEnd.By.ADMIN)) {
            return JsonAnswer.error(404, "unknown_pairing");
        }
        return Response.noContent().header("Cache-Control", "no-store").build();
    }

    /** Ends every pairing at that provider (its disabling by {@code psc-admin idp disable}): how many. */
    @DELETE
    @Path("v1/admin/providers/{alias}/pairings")
    @Produces(MediaType.APPLICATION_JSON)
    public Response endProvider(@PathParam("alias") String alias) throws SQLException {
        Optional<Response> refused = adminRefused(EventType.REMOVE_FEDERATED_IDENTITY_ERROR, null, alias);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            return JsonAnswer.error(400, "invalid_provider");
        }
        List<Pairing> pairings = store.ofProvider(realm().getId(), alias);
        int ended = 0;
        for (Pairing pairing : pairings) {
            if (PairingEnd.end(session, realm(), store, pairing, EstablishmentRefusal.PROVIDER_DISABLED,
                    PairingEnd.By.ADMIN)) {
                ended++;
            }
        }
        EstablishmentEvents.of(session, realm(), EventType.REMOVE_FEDERATED_IDENTITY, alias, PairingResult.ENDED)
                .detail(EventDetail.REASON.wire(), EstablishmentRefusal.PROVIDER_DISABLED.code())
                .detail(EventDetail.ENDED_BY.wire(), PairingEnd.By.ADMIN.wire())
                .detail(EventDetail.PAIRINGS_ENDED.wire(), Integer.toString(ended)).success();
        return JsonAnswer.json(200, Map.of("ended", ended));
    }

    static Map<String, Object> shown(Pairing pairing) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("provider", pairing.provider());
        shown.put("subject", pairing.subject());
        shown.put("idNat", pairing.idNat());
        shown.put("createdAt", pairing.createdAt().toString());
        shown.put("means", pairing.means().wire());
        shown.put("expiresAt", pairing.expiresAt().toString());
        return shown;
    }

    /**
     * The refusal of a caller who is not the PSC realm's administrator, with its event: the reason, and the
     * professional and provider named where they are well-formed (nothing is looked up, no token kept).
     */
    private Optional<Response> adminRefused(EventType type, String idNat, String provider) {
        Optional<AdminRefusal> refusal = RealmAdminCheck.refusal(session);
        if (refusal.isEmpty()) {
            return Optional.empty();
        }
        EventBuilder event = new EventBuilder(realm(), session, session.getContext().getConnection()).event(type)
                .detail(EventDetail.REASON.wire(), refusal.get().code());
        IdNat.typed(idNat).ifPresent(named -> event.detail(EventDetail.ID_NAT.wire(), named));
        if (provider != null && ALIAS.matcher(provider).matches()) {
            event.detail(EventDetail.ESTABLISHMENT.wire(), provider);
        }
        event.error(refusal.get().eventError());
        return Optional.of(refusal.get().answer());
    }
}
