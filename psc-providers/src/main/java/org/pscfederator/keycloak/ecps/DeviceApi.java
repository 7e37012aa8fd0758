package org.pscfederator.keycloak.ecps;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import org.jboss.logging.Logger;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.pscfederator.core.ecps.HeldCalls;
import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.keycloak.cps.CardLogin;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directorystore.DirectoryEntry;
import org.pscfederator.keycloak.realm.PscRealm;
import org.pscfederator.keycloak.realm.AdminRefusal;
import org.pscfederator.keycloak.realm.RealmAdminCheck;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.core.settings.EcpsSettings;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.keycloak.realm.RealmAttributes;
import jakarta.ws.rs.WebApplicationException;
import org.pscfederator.core.events.EcpsRefusal;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.realm.OwnSpi;
import org.pscfederator.keycloak.directory.DirectoryStoreProvider;
import org.pscfederator.keycloak.http.JsonAnswer;

/**
 * {@code /auth/realms/{realm}/psc-ecps/v1}: the e-CPS device API (docs/ecps-device-api.md). JSON over HTTPS.
 * Devices authenticate with a JWS signed by their key; administrators with a realm-admin bearer token; the
 * professional's browser only reads the state of its own pending request by its unguessable id. Served in the PSC
 * realm only: elsewhere Keycloak answers 404.
 */
public class DeviceApi implements RealmResourceProvider {

    private static final Logger LOG = Logger.getLogger(DeviceApi.class);
    static final String PROOF_TYPE = "psc-ecps-proof";
    private static final String DEVICE_SCHEME = "PSC-Device ";
    private static final long MAX_WAIT_MILLIS = 25_000;
    private static final long EXPIRY_MARGIN_MILLIS = 100;
    /** Past the node's limit of held calls: the page and the phone ask again this much later. */
    private static final int BUSY_RETRY_SECONDS = 2;

    private final KeycloakSession session;
    private final DeviceStore devices;

    DeviceApi(KeycloakSession session, DeviceStore devices) {
        this.session = session;
        this.devices = devices;
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

    // ---------------------------------------------------------------- activation

    /** Sends an activation code to the contact details the directory holds. The answer never says whether the idNat exists. */
    @POST
    @Path("v1/activation/contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response activationByContact(Map<String, Object> body) {
        EventBuilder event = EcpsEvents.of(session, realm(), EventType.UPDATE_CREDENTIAL)
                .detail(EventDetail.ECPS_ACTION.wire(), "activation_code_requested");
        Optional<String> idNat = IdNat.typed(text(body, "id_nat"));
        if (idNat.isEmpty()) {
            event.detail(EventDetail.REASON.wire(), EcpsRefusal.INVALID_IDENTIFIER.code()).error(Errors.INVALID_INPUT);
            return error(400, EcpsRefusal.INVALID_IDENTIFIER.code());
        }
        event.detail(EventDetail.ID_NAT.wire(), idNat.get());
        EcpsSettings settings = settings();
        // Counted before the directory is read, known or not, so that the limit says nothing about who exists.
        ActivationCodes.Request allowed = new ActivationCodes(session).takeContactRequest(idNat.get(), address(),
                settings);
        if (allowed != ActivationCodes.Request.ALLOWED) {
            EcpsRefusal reason = allowed == ActivationCodes.Request.ID_NAT_LIMIT
                    ? EcpsRefusal.TOO_MANY_ACTIVATION_REQUESTS_IDENTIFIER
                    : EcpsRefusal.TOO_MANY_ACTIVATION_REQUESTS_ADDRESS;
            event.detail(EventDetail.REASON.wire(), reason.code()).error(Errors.INVALID_REQUEST);
            return tooMany(reason, "Trop de demandes de code d'activation. Réessayez dans une heure.");
        }
        try {
            List<DirectoryEntry> entries = OwnSpi.required(session, DirectoryStoreProvider.class).store().entries(idNat.get());
            if (entries.isEmpty()) {
                event.detail(EventDetail.REASON.wire(), "unknown_professional").error(Errors.USER_NOT_FOUND);
            } else {
                String code = new ActivationCodes(session).issue(idNat.get(), settings.activationCodeSeconds());
                notifications(settings).sendActivationCode(idNat.get(), contactOf(entries), code,
                        settings.activationCodeSeconds());
                event.success();
            }
        } catch (SQLException | NotificationSender.NotificationException e) {
            LOG.errorf("activation code for %s not sent: %s", LoggedText.of(idNat.get()), LoggedText.of(e.getMessage()));
            event.detail(EventDetail.REASON.wire(), "not_sent").error(Errors.INVALID_REQUEST);
        }
        return Response.accepted(Map.of("status", "sent_if_known",
                "message", "Si cet identifiant est connu, un code d'activation a été envoyé à vos coordonnées.")).build();
    }

    /**
     * Activation from a CPS card: the card presented in the TLS handshake is checked as at login, and the answer is
     * a code valid {@code activationCodeSeconds} (90 s by default) with its QR code for the app to scan.
     */
    @GET
    @Path("v1/activation/card")
    public Response activationByCard(@HeaderParam("Accept") String accept) {
        EventBuilder event = EcpsEvents.of(session, realm(), EventType.UPDATE_CREDENTIAL)
                .detail(EventDetail.ECPS_ACTION.wire(), "activation_code_by_card");
        CardLogin.Holder holder = CardLogin.holder(session, realm(), session.getContext().getHttpRequest(), event);
        event.detail(EventDetail.MEANS.wire(), EcpsEvents.MEANS);
        if (!holder.accepted()) {
            event.detail(EventDetail.REASON.wire(), holder.reason().code()).error(holder.error());
            return error(403, "card_" + holder.reason().code());
        }
        EcpsSettings settings = settings();
        String code = new ActivationCodes(session).issue(holder.idNat(), settings.activationCodeSeconds());
        event.success();
        String api = session.getContext().getUri().getBaseUri().toString().replaceAll("/$", "")
                + "/realms/" + realm().getName() + "/" + DeviceApiFactory.PROVIDER_ID;
        String svg = ActivationQr.svg(ActivationQr.payload(api, holder.idNat(), code));
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id_nat", holder.idNat());
            answer.put("activation_code", code);
            answer.put("expires_in", settings.activationCodeSeconds());
            answer.put("qr_svg", svg);
            return json(200, answer);
        }
        Response page = session.getProvider(LoginFormsProvider.class)
                .setAttribute("pscActivationCode", code)
                .setAttribute("pscActivationSeconds", settings.activationCodeSeconds())
                .setAttribute("pscActivationQr", svg)
                .createForm("psc-ecps-activation.ftl");
        return Response.fromResponse(page).header("Cache-Control", null).header("Cache-Control", "no-store").build();
    }

    /** Registers a device's public key with an activation code. */
    @POST
    @Path("v1/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(Map<String, Object> body) {
        EventBuilder event = EcpsEvents.of(session, realm(), EventType.UPDATE_CREDENTIAL)
                .detail(EventDetail.ECPS_ACTION.wire(), "device_registered");
        Optional<String> idNat = IdNat.typed(text(body, "id_nat"));
        if (idNat.isEmpty()) {
            event.detail(EventDetail.REASON.wire(), EcpsRefusal.INVALID_IDENTIFIER.code()).error(Errors.INVALID_INPUT);
            return error(400, EcpsRefusal.INVALID_IDENTIFIER.code());
        }
        event.detail(EventDetail.ID_NAT.wire(), idNat.get());
        String jwk;
        try {
            jwk = SignedByDevice.publicJwk(map(body, "public_jwk"));
        } catch (DeviceApiException e) {
            event.detail(EventDetail.REASON.wire(), e.reason()).error(Errors.INVALID_INPUT);
            return error(e.status(), e.reason());
        }
        ActivationCodes.Redemption redemption = new ActivationCodes(session).redeem(idNat.get(), address(),
                text(body, "activation_code"), settings());
        if (redemption == ActivationCodes.Redemption.TOO_MANY_GUESSES) {
            event.detail(EventDetail.REASON.wire(), EcpsRefusal.TOO_MANY_ACTIVATION_GUESSES.code())
                    .error(Errors.INVALID_CODE);
            return tooMany(EcpsRefusal.TOO_MANY_ACTIVATION_GUESSES,
                    "Trop de codes d'activation erronés. Réessayez dans une heure avec un nouveau code.");
        }
        if (redemption != ActivationCodes.Redemption.REGISTERED) {
            event.detail(EventDetail.REASON.wire(), EcpsRefusal.INVALID_ACTIVATION_CODE.code())
                    .error(Errors.INVALID_CODE);
            return error(400, EcpsRefusal.INVALID_ACTIVATION_CODE.code());
        }
        return json(201, registered(idNat.get(), jwk, label(body), event));
    }

    private Map<String, Object> registered(String idNat, String jwk, String label, EventBuilder event) {
        Device device = new Device(UUID.randomUUID().toString(), idNat, jwk, label, Instant.now(), null, null);
        devices.add(device);
        event.detail(EventDetail.DEVICE.wire(), device.id()).success();
        return shown(device);
    }

    // ---------------------------------------------------------------- the device's own calls

    /**
     * Long-polls the professional's pending request (the sandbox's push channel); 204 when none came in time. The call
     * is held without a thread and answered as soon as a request for this professional opens, on any node.
     */
    @GET
    @Path(HeldCalls.DEVICE_PENDING)
    @Produces(MediaType.APPLICATION_JSON)
    public void pending(@HeaderParam("Authorization") String authorization, @QueryParam("wait") Integer wait,
            @Context HttpServerRequest connection, @Suspended AsyncResponse call) {
        Device device;
        try {
            device = authenticatedDevice(authorization, "GET", "device/pending");
        } catch (DeviceApiException e) {
            call.resume(refused(e, EventType.LOGIN_ERROR, "device_pending"));
            return;
        }
        String idNat = device.idNat();
        Optional<Response> now = pendingOf(new PendingRequests(session), idNat);
        Duration bound = bound(wait);
        if (now.isPresent() || bound.isZero()) {
            call.resume(now.orElseGet(() -> Response.noContent().build()));
            return;
        }
        hold(call, connection, RequestEvents.professional(idNat), bound,
                woken -> pendingOf(new PendingRequests(woken), idNat), Response.noContent().build());
    }

    private static Optional<Response> pendingOf(PendingRequests requests, String idNat) {
        List<EcpsRequest> outstanding = requests.outstanding(idNat);
        if (outstanding.isEmpty()) {
            return Optional.empty();
        }
        // The newest on top, as before; every source's request listed, for the professional to pick theirs.
        Map<String, Object> answer = shown(outstanding.get(0));
        answer.put("requests", outstanding.stream().map(DeviceApi::shown).toList());
        return Optional.of(json(200, answer));
    }

    /** The device's answer to a request: a JWS (application/jose) signed by its key. */
    @POST
    @Path("v1/approvals")
    @Consumes({"application/jose", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(String compact) {
        Approvals.DeviceRefusal known = new Approvals.DeviceRefusal();
        SignedByDevice signatures = new SignedByDevice(devices, session.singleUseObjects());
        try {
            Approvals.Answer answer = new Approvals(signatures, new PendingRequests(session), devices)
                    .answer(compact, known);
            EcpsCibaChannel.settle(session, realm(), answer.request(), answer.outcome(), answer.device().id());
            EventBuilder event = EcpsEvents.about(EcpsEvents.of(session, realm(),
                    answer.outcome() == Outcome.APPROVED ? EventType.CUSTOM_REQUIRED_ACTION : EventType.LOGIN_ERROR),
                    answer.device(), answer.request())
                    .detail(EventDetail.ECPS_ACTION.wire(), "device_answer")
                    .detail(EventDetail.OUTCOME.wire(), answer.outcome().code());
            if (answer.outcome() == Outcome.APPROVED) {
                event.success();
            } else {
                event.detail(EventDetail.REASON.wire(), answer.outcome().code()).error(Errors.INVALID_USER_CREDENTIALS);
            }
            return json(200, Map.of("outcome", answer.outcome().code()));
        } catch (DeviceApiException e) {
            Device device = e.device() != null ? e.device() : known.device();
            EventBuilder event = EcpsEvents.about(EcpsEvents.of(session, realm(), EventType.LOGIN_ERROR),
                    device, known.request())
                    .detail(EventDetail.ECPS_ACTION.wire(), "device_answer")
                    .detail(EventDetail.REASON.wire(), e.reason());
            event.error(Errors.INVALID_USER_CREDENTIALS);
            LOG.infof("e-CPS answer refused: %s (%s)", e.reason(), LoggedText.of(e.getMessage()));
            return error(e.status(), e.reason());
        }
    }

    /** The professional's devices, as seen from one of them. */
    @GET
    @Path("v1/devices")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ownDevices(@HeaderParam("Authorization") String authorization) throws SQLException {
        Device device;
        try {
            device = authenticatedDevice(authorization, "GET", "devices");
        } catch (DeviceApiException e) {
            return refused(e, EventType.LOGIN_ERROR, "device_list");
        }
        return json(200, Map.of("devices", shownAll(devices.of(device.idNat()))));
    }

    /** Revokes one of the professional's devices (itself included), from one of their devices. */
    @DELETE
    @Path("v1/devices/{deviceId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revokeOwn(@HeaderParam("Authorization") String authorization,
            @PathParam("deviceId") String deviceId) throws SQLException {
        Device device;
        try {
            device = authenticatedDevice(authorization, "DELETE", "devices/" + deviceId);
        } catch (DeviceApiException e) {
            return refused(e, EventType.REMOVE_CREDENTIAL_ERROR, "device_revoked");
        }
        Optional<Device> target = devices.find(deviceId).filter(found -> found.idNat().equals(device.idNat()));
        if (target.isEmpty()) {
            return error(404, "unknown_device");
        }
        return revoke(target.get(), "device");
    }

    private Device authenticatedDevice(String authorization, String method, String path) throws DeviceApiException {
        if (authorization == null || !authorization.startsWith(DEVICE_SCHEME)) {
            throw new DeviceApiException(401, "device_authentication_required", "no PSC-Device authorization");
        }
        SignedByDevice.Verified verified = new SignedByDevice(devices, session.singleUseObjects())
                .verify(authorization.substring(DEVICE_SCHEME.length()), PROOF_TYPE);
        if (!method.equals(SignedByDevice.claimString(verified.claims(), "htm"))
                || !path.equals(SignedByDevice.claimString(verified.claims(), "htu"))) {
            throw new DeviceApiException(401, "proof_not_for_this_call", "htm/htu do not match " + method + " " + path)
                    .withDevice(verified.device());
        }
        return verified.device();
    }

    // ---------------------------------------------------------------- the browser's wait

    /**
     * Long-polls the state of a pending request for the wait page: pending, approved, denied, wrong_code, expired. A
     * malformed, unknown or expired id answers expired at once; otherwise the call is held without a thread until the
     * request is decided (on any node), expires, or the wait's bound passes (pending: the page asks again).
     */
    @GET
    @Path(HeldCalls.BROWSER_WAIT + "{requestId}")
    @Produces(MediaType.APPLICATION_JSON)
    public void browserWait(@PathParam("requestId") String requestId, @QueryParam("wait") Integer wait,
            @Context HttpServerRequest connection, @Suspended AsyncResponse call) {
        PendingRequests requests = new PendingRequests(session);
        Optional<PendingRequests.Decision> decision = requests.decision(requestId);
        Duration bound = bound(wait);
        if (decision.isPresent() || bound.isZero()) {
            call.resume(state(decision));
            return;
        }
        // Its expiry wakes it too: held until the nearer of the two, a little past the expiry so that it reads expired.
        Duration untilExpiry = requests.find(requestId)
                .map(request -> Duration.between(Instant.now(), request.expiresAt()).plusMillis(EXPIRY_MARGIN_MILLIS))
                .orElse(Duration.ZERO);
        hold(call, connection, RequestEvents.request(requestId), untilExpiry.compareTo(bound) < 0 ? untilExpiry : bound,
                woken -> new PendingRequests(woken).decision(requestId).map(found -> state(Optional.of(found))),
                state(Optional.empty()));
    }

    private static Response state(Optional<PendingRequests.Decision> decision) {
        return json(200, Map.of("status", decision.map(found -> found.outcome().code()).orElse("pending")));
    }

    private static Duration bound(Integer wait) {
        return Duration.ofMillis(Math.min(MAX_WAIT_MILLIS, Math.max(0, wait == null ? 0 : wait) * 1000L));
    }

    /**
     * Holds the call on this node, or answers 503 with Retry-After at once past the node's limit. The request's own
     * transaction is committed first, on its own thread: Keycloak would otherwise end it where the call is answered,
     * on another thread than the one it began on.
     */
    private void hold(AsyncResponse call, HttpServerRequest connection, String topic, Duration bound,
            WaitingCalls.Check<Response> check, Response atBound) {
        WaitingCalls calls = OwnSpi.required(session, WaitingCalls.class);
        session.getTransactionManager().commit();
        HttpServerResponse response = connection.response();
        if (!calls.hold(topic, call, response::closed, bound, check, atBound)) {
            LOG.debugf("e-CPS wait refused: this node holds its limit of %d", calls.limit());
            call.resume(Response.fromResponse(error(503, "too_many_waits")).header("Retry-After", BUSY_RETRY_SECONDS)
                    .build());
        }
    }

    // ---------------------------------------------------------------- administrators

    @GET
    @Path("v1/admin/devices")
    @Produces(MediaType.APPLICATION_JSON)
    public Response adminList(@QueryParam("id_nat") String idNat) throws SQLException {
        Optional<Response> refused = adminRefused(EventType.LOGIN_ERROR, "device_list_by_admin", idNat, null);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> parsed = IdNat.typed(idNat);
        if (parsed.isEmpty()) {
            return error(400, EcpsRefusal.INVALID_IDENTIFIER.code());
        }
        return json(200, Map.of("devices", shownAll(devices.of(parsed.get()))));
    }

    /** Enrols a device for a professional directly (the sandbox's simulated devices at first start). */
    @POST
    @Path("v1/admin/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response adminRegister(Map<String, Object> body) {
        Optional<Response> refused = adminRefused(EventType.UPDATE_CREDENTIAL_ERROR, "device_registered_by_admin",
                text(body, "id_nat"), null);
        if (refused.isPresent()) {
            return refused.get();
        }
        EventBuilder event = EcpsEvents.of(session, realm(), EventType.UPDATE_CREDENTIAL)
                .detail(EventDetail.ECPS_ACTION.wire(), "device_registered_by_admin");
        Optional<String> idNat = IdNat.typed(text(body, "id_nat"));
        if (idNat.isEmpty()) {
            return error(400, EcpsRefusal.INVALID_IDENTIFIER.code());
        }
        event.detail(EventDetail.ID_NAT.wire(), idNat.get());
        try {
            return json(201, registered(idNat.get(), SignedByDevice.publicJwk(map(body, "public_jwk")), label(body),
                    event));
        } catch (DeviceApiException e) {
            return error(e.status(), e.reason());
        }
    }

    @DELETE
    @Path("v1/admin/devices/{deviceId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response adminRevoke(@PathParam("deviceId") String deviceId) throws SQLException {
        Optional<Response> refused = adminRefused(EventType.REMOVE_CREDENTIAL_ERROR, "device_revoked_by_admin", null,
                deviceId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Device> device = devices.find(deviceId);
        if (device.isEmpty()) {
            return error(404, "unknown_device");
        }
        return revoke(device.get(), "admin");
    }

    /** The sandbox's outbox of activation messages; absent from a realm that mails them. */
    @GET
    @Path("v1/admin/outbox/{idNat}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response adminOutbox(@PathParam("idNat") String idNat) {
        Optional<Response> refused = adminRefused(EventType.LOGIN_ERROR, "outbox_read_by_admin", idNat, null);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (settings().notifications() != EcpsSettings.Notifications.OUTBOX) {
            return error(404, "no_outbox");
        }
        Optional<String> parsed = IdNat.typed(idNat);
        Optional<Map<String, String>> message = parsed.flatMap(value -> new Outbox(session, realm()).last(value));
        return message.map(found -> json(200, found)).orElseGet(() -> error(404, "no_message"));
    }

    /**
     * The refusal of a caller who is not the PSC realm's administrator, with its event: the reason, the action tried,
     * and the professional or device it named where that is well-formed (nothing is looked up, no token kept).
     */
    private Optional<Response> adminRefused(EventType type, String action, String idNat, String deviceId) {
        Optional<AdminRefusal> refusal = RealmAdminCheck.refusal(session);
        if (refusal.isEmpty()) {
            return Optional.empty();
        }
        EventBuilder event = EcpsEvents.of(session, realm(), type).detail(EventDetail.ECPS_ACTION.wire(), action)
                .detail(EventDetail.REASON.wire(), refusal.get().code());
        IdNat.typed(idNat).ifPresent(named -> event.detail(EventDetail.ID_NAT.wire(), named));
        Device.wellFormedId(deviceId).ifPresent(named -> event.detail(EventDetail.DEVICE.wire(), named));
        event.error(refusal.get().eventError());
        return Optional.of(refusal.get().answer());
    }

    // ---------------------------------------------------------------- helpers

    private Response revoke(Device device, String by) {
        boolean revoked = devices.revoke(device.id(), Instant.now());
        EcpsEvents.about(EcpsEvents.of(session, realm(), EventType.REMOVE_CREDENTIAL), device, null)
                .detail(EventDetail.ECPS_ACTION.wire(), "device_revoked_by_" + by).success();
        return json(200, Map.of("device_id", device.id(), "revoked", true, "already_revoked", !revoked));
    }

    private Response refused(DeviceApiException e, EventType type, String action) {
        EcpsEvents.about(EcpsEvents.of(session, realm(), type), e.device(), null)
                .detail(EventDetail.ECPS_ACTION.wire(), action).detail(EventDetail.REASON.wire(), e.reason())
                .error(Errors.INVALID_USER_CREDENTIALS);
        return error(e.status(), e.reason());
    }

    /**
     * The realm's e-CPS settings; a bad one fails closed: 503 {@code unavailable} to the app, the attribute named in
     * the log for the operator, nothing issued or registered.
     */
    private EcpsSettings settings() {
        try {
            return RealmAttributes.settings(realm()).ecps();
        } catch (RealmSettingException e) {
            LOG.errorf("e-CPS device API unavailable in realm %s: %s", realm().getName(), LoggedText.of(e.getMessage()));
            throw new WebApplicationException(error(503, EcpsRefusal.UNAVAILABLE.code()));
        }
    }

    private NotificationSender notifications(EcpsSettings settings) {
        return settings.notifications() == EcpsSettings.Notifications.OUTBOX ? new Outbox(session, realm())
                : new MailNotificationSender(session, realm());
    }

    private static String contactOf(List<DirectoryEntry> entries) {
        for (DirectoryEntry entry : entries) {
            if (entry.kind() == DirectoryEntry.Kind.PS) {
                String mail = entry.field(NationalColumn.ADRESSE_EMAIL);
                if (mail != null && !mail.isBlank()) {
                    return mail;
                }
            }
        }
        return "";
    }

    private static Map<String, Object> shown(EcpsRequest request) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("request_id", request.id());
        shown.put("choices", request.choices());
        shown.put("client_name", request.clientName());
        shown.put("binding_message", request.bindingMessage());
        shown.put("expires_at", request.expiresAt().getEpochSecond());
        return shown;
    }

    private static Map<String, Object> shown(Device device) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("device_id", device.id());
        shown.put("id_nat", device.idNat());
        shown.put("label", device.label());
        shown.put("created_at", device.createdAt().toString());
        shown.put("last_used_at", device.lastUsedAt() == null ? null : device.lastUsedAt().toString());
        shown.put("revoked_at", device.revokedAt() == null ? null : device.revokedAt().toString());
        return shown;
    }

    private static List<Map<String, Object>> shownAll(List<Device> list) {
        List<Map<String, Object>> shown = new ArrayList<>();
        list.forEach(device -> shown.add(shown(device)));
        return shown;
    }

    private static String label(Map<String, Object> body) {
        String label = text(body, "label");
        if (label == null || label.isBlank()) {
            return "Appareil e-CPS";
        }
        String clean = label.replaceAll("[\\p{Cntrl}<>\"'&]", "").strip();
        return clean.length() > 100 ? clean.substring(0, 100) : clean;
    }

    private static String text(Map<String, Object> body, String name) {
        Object value = body == null ? null : body.get(name);
        return value instanceof String text ? text : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String name) throws DeviceApiException {
        Object value = body == null ? null : body.get(name);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new DeviceApiException(400, "bad_key", name + " missing");
    }

    private static Response json(int status, Object body) {
        return JsonAnswer.json(status, body);
    }

    private static Response error(int status, String reason) {
        return JsonAnswer.error(status, reason);
    }

    /** 429 with the reason, a French message the app can show, and when to try again. */
    private static Response tooMany(EcpsRefusal reason, String message) {
        Response answer = json(429, Map.of("error", reason.code(), "message", message));
        return Response.fromResponse(answer).header("Retry-After", ActivationCodes.secondsLeft()).build();
    }

    /** The caller's address, as the TLS front saw it. */
    private String address() {
        return session.getContext().getConnection().getRemoteAddr();
    }
}
