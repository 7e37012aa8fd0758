package org.pscfederator.keycloak.space;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resource.RealmResourceProvider;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.core.settings.EcpsSettings;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.keycloak.claims.ProfessionalClaims;
import org.pscfederator.keycloak.ecps.ActivationCodes;
import org.pscfederator.keycloak.ecps.ActivationQr;
import org.pscfederator.keycloak.ecps.Device;
import org.pscfederator.keycloak.ecps.DeviceApiFactory;
import org.pscfederator.keycloak.ecps.DeviceStore;
import org.pscfederator.keycloak.ecps.EcpsEvents;
import org.pscfederator.keycloak.establishments.Pairing;
import org.pscfederator.keycloak.establishments.PairingEnd;
import org.pscfederator.keycloak.establishments.PairingStore;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.PscRealm;
import org.pscfederator.keycloak.realm.RealmAttributes;

/**
 * {@code /auth/realms/{realm}/psc-space}: "Mon compte e-CPS", the professional's own space (docs/space.md). The
 * professional logs in through PSC's own login page, as client {@code psc-space} of the realm; the space then reads
 * Keycloak's login session. Pages of the {@code psc} login theme; every form carries the session's token
 * ({@link FormGuard}). Served in the PSC realm only: elsewhere Keycloak answers 404.
 */
public class Space implements RealmResourceProvider {

    private static final Logger LOG = Logger.getLogger(Space.class);
    /** The realm's client the space logs in as (realm-config/realms/base). */
    static final String CLIENT_ID = "psc-space";
    private static final String STATE_COOKIE = "PSC_SPACE_STATE";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The outcomes a page may announce after a redirect: only these keys, never text from the request. */
    private static final List<String> DONE = List.of("device_revoked", "pairing_removed");

    private final KeycloakSession session;
    private final DeviceStore devices;
    private final PairingStore pairings;

    Space(KeycloakSession session, DeviceStore devices, PairingStore pairings) {
        this.session = session;
        this.devices = devices;
        this.pairings = pairings;
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

    // ---------------------------------------------------------------- pages

    @GET
    public Response home(@QueryParam("done") String done) throws SQLException {
        SpaceSession who = SpaceSession.of(session, realm(), devices);
        if (!who.accepted()) {
            return notAccepted(who);
        }
        UserSessionModel current = who.userSession();
        List<SessionRow> sessions = session.sessions().getUserSessionsStream(realm(), who.user())
                .map(open -> new SessionRow(open, open.getId().equals(current.getId()))).toList();
        LoginFormsProvider form = page()
                .setAttribute("pscSpaceCsrf", FormGuard.tokenOf(current))
                .setAttribute("pscSpaceIdNat", who.idNat())
                .setAttribute("pscSpaceFirstName", nonNull(who.user().getFirstName()))
                .setAttribute("pscSpaceLastName", nonNull(who.user().getLastName()))
                .setAttribute("pscSpaceMeans", current.getNote(EventDetail.MEANS.wire()))
                .setAttribute("pscSpaceByCard", who.byCard())
                .setAttribute("pscSpaceClaims", ClaimNode.of(ProfessionalClaims.of(session, who.user())))
                .setAttribute("pscSpaceDevices", devices.of(who.idNat()).stream().map(DeviceRow::new).toList())
                .setAttribute("pscSpacePairings", pairings.ofIdNat(realm().getId(), who.idNat()).stream()
                        .map(pairing -> new PairingRow(pairing, session.identityProviders()
                                .getByAlias(pairing.provider()))).toList())
                .setAttribute("pscSpaceLogins", new LoginHistory(session, realm(), devices).recent(who.user()))
                .setAttribute("pscSpaceSessions", sessions);
        if (done != null && DONE.contains(done)) {
            form.setAttribute("pscSpaceDone", done);
        }
        return noStore(form.createForm("psc-space.ftl"));
    }

    /** Sends the browser to PSC's login page; {@code means=card} asks for a new login even with a session. */
    @GET
    @Path("login")
    public Response login(@QueryParam("means") String means) {
        String state = random();
        String url = base() + "/realms/" + realm().getName() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + CLIENT_ID + "&redirect_uri=" + encode(spaceUrl() + "/callback")
                + "&scope=openid&acr_values=eidas1&state=" + state + "&nonce=" + random()
                + "&code_challenge=" + random() + "&code_challenge_method=S256"
                + ("card".equals(means) ? "&prompt=login" : "");
        NewCookie cookie = new NewCookie.Builder(STATE_COOKIE).value(state).path(spacePath()).maxAge(600)
                .secure(true).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(url)).cookie(cookie).header("Cache-Control", "no-store").build();
    }

    /**
     * Back from PSC's login page: the state must be the one this browser was given. The code is not redeemed: the
     * space reads Keycloak's login session itself, and the code expires unused.
     */
    @GET
    @Path("callback")
    public Response callback(@QueryParam("state") String state, @QueryParam("error") String error) {
        Cookie expected = session.getContext().getRequestHeaders().getCookies().get(STATE_COOKIE);
        NewCookie cleared = new NewCookie.Builder(STATE_COOKIE).value("").path(spacePath()).maxAge(0).secure(true)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        if (error != null || state == null || expected == null || !MessageDigest.isEqual(
                state.getBytes(StandardCharsets.UTF_8), expected.getValue().getBytes(StandardCharsets.UTF_8))) {
            return Response.fromResponse(message(Response.Status.BAD_REQUEST, "login_not_verified", true))
                    .cookie(cleared).build();
        }
        return Response.seeOther(URI.create(spaceUrl())).cookie(cleared).header("Cache-Control", "no-store").build();
    }

    /**
     * An action's address opened as a page (a language link of the page an action answered, a reload): back to the
     * space, in the language asked for; nothing is done.
     */
    @GET
    @Path("{action: activation|devices/revoke|pairings/remove|sessions/logout|logins/not-me}")
    public Response actionOpened(@QueryParam("kc_locale") String locale) {
        String language = locale != null && locale.matches("[a-z]{2}(-[A-Z]{2})?") ? "?kc_locale=" + locale : "";
        return Response.seeOther(URI.create(spaceUrl() + language)).header("Cache-Control", "no-store").build();
    }

    // ---------------------------------------------------------------- actions (forms)

    @POST
    @Path("devices/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form) throws SQLException {
        Guarded guarded = guard(form);
        if (guarded.refusal() != null) {
            return guarded.refusal();
        }
        SpaceSession who = guarded.who();
        Optional<Device> device = Optional.ofNullable(form.getFirst("device_id")).filter(id -> !id.isBlank())
                .flatMap(this::findDevice).filter(found -> found.idNat().equals(who.idNat()));
        if (device.isEmpty()) {
            EcpsEvents.of(session, realm(), EventType.REMOVE_CREDENTIAL_ERROR).user(who.user())
                    .detail(EventDetail.ID_NAT.wire(), who.idNat())
                    .detail(EventDetail.ECPS_ACTION.wire(), "device_revoked_by_professional")
                    .detail(EventDetail.REASON.wire(), "not_own_device").error("not_own_device");
            return message(Response.Status.NOT_FOUND, "not_own_device", false);
        }
        revokeDevice(who, device.get(), "device_revoked_by_professional");
        return Response.seeOther(URI.create(spaceUrl() + "?done=device_revoked")).build();
    }

    /** Ends one of the professional's own pairings: the next login through that establishment asks again. */
    @POST
    @Path("pairings/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removePairing(MultivaluedMap<String, String> form) throws SQLException {
        Guarded guarded = guard(form);
        if (guarded.refusal() != null) {
            return guarded.refusal();
        }
        SpaceSession who = guarded.who();
        String provider = form.getFirst("provider");
        Optional<Pairing> pairing = provider == null || provider.isBlank() ? Optional.empty()
                : pairings.byIdNat(realm().getId(), provider, who.idNat());
        if (pairing.isEmpty() || !PairingEnd.end(session, realm(), pairings, pairing.get(),
                EstablishmentRefusal.PAIRING_REMOVED, PairingEnd.By.PROFESSIONAL)) {
            return message(Response.Status.NOT_FOUND, "not_own_pairing", false);
        }
        return Response.seeOther(URI.create(spaceUrl() + "?done=pairing_removed")).build();
    }

    @POST
    @Path("activation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activation(MultivaluedMap<String, String> form) throws SQLException {
        Guarded guarded = guard(form);
        if (guarded.refusal() != null) {
            return guarded.refusal();
        }
        SpaceSession who = guarded.who();
        EventBuilder event = EcpsEvents.of(session, realm(), EventType.UPDATE_CREDENTIAL).user(who.user())
                .detail(EventDetail.ID_NAT.wire(), who.idNat())
                .detail(EventDetail.ECPS_ACTION.wire(), "activation_code_by_space");
        if (!who.byCard()) {
            event.detail(EventDetail.REASON.wire(), "card_login_required").error("card_login_required");
            return message(Response.Status.FORBIDDEN, "card_login_required", false);
        }
        EcpsSettings settings;
        try {
            settings = RealmAttributes.settings(realm()).ecps();
        } catch (RealmSettingException e) {
            LOG.errorf("space activation unavailable in realm %s: %s", realm().getName(), LoggedText.of(e.getMessage()));
            return message(Response.Status.SERVICE_UNAVAILABLE, "unavailable", false);
        }
        String code = new ActivationCodes(session).issue(who.idNat(), settings.activationCodeSeconds());
        event.success();
        String api = base() + "/realms/" + realm().getName() + "/" + DeviceApiFactory.PROVIDER_ID;
        return noStore(page()
                .setAttribute("pscSpaceCsrf", FormGuard.tokenOf(who.userSession()))
                .setAttribute("pscActivationCode", code)
                .setAttribute("pscActivationSeconds", settings.activationCodeSeconds())
                .setAttribute("pscActivationQr", ActivationQr.svg(ActivationQr.payload(api, who.idNat(), code)))
                .createForm("psc-space-activation.ftl"));
    }

    @POST
    @Path("sessions/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logoutAll(MultivaluedMap<String, String> form) throws SQLException {
        Guarded guarded = guard(form);
        if (guarded.refusal() != null) {
            return guarded.refusal();
        }
        SpaceSession who = guarded.who();
        int ended = endSessions(who);
        EcpsEvents.of(session, realm(), EventType.LOGOUT).user(who.user())
                .detail(EventDetail.MEANS.wire(), who.userSession().getNote(EventDetail.MEANS.wire()))
                .detail(EventDetail.ID_NAT.wire(), who.idNat())
                .detail(EventDetail.SPACE_ACTION.wire(), "logout_all")
                .detail(EventDetail.SESSIONS_ENDED.wire(), Integer.toString(ended)).success();
        return message(Response.Status.OK, "logged_out", true);
    }

    /** "Ce n'était pas moi": the login's device revoked, every session ended, an event, and what to do next. */
    @POST
    @Path("logins/not-me")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notMe(MultivaluedMap<String, String> form) throws SQLException {
        Guarded guarded = guard(form);
        if (guarded.refusal() != null) {
            return guarded.refusal();
        }
        SpaceSession who = guarded.who();
        Optional<Event> login = new LoginHistory(session, realm(), devices).own(who.user(), form.getFirst("event_id"));
        if (login.isEmpty()) {
            return message(Response.Status.NOT_FOUND, "not_own_login", false);
        }
        String means = login.get().getDetails() == null ? "" : nonNull(login.get().getDetails()
                .get(EventDetail.MEANS.wire()));
        String deviceId = login.get().getDetails() == null ? null : login.get().getDetails()
                .get(EventDetail.DEVICE.wire());
        Optional<Device> device = deviceId == null ? Optional.empty()
                : findDevice(deviceId).filter(found -> found.idNat().equals(who.idNat()));
        device.ifPresent(found -> revokeDevice(who, found, "device_revoked_not_me"));
        String service = ServiceName.of(realm(), login.get().getClientId());
        String cardSerial = login.get().getDetails() == null ? "" : nonNull(login.get().getDetails()
                .get(EventDetail.CERT_SERIAL.wire()));
        int ended = endSessions(who);
        EventBuilder event = EcpsEvents.of(session, realm(), EventType.LOGOUT).user(who.user())
                .detail(EventDetail.MEANS.wire(), means)
                .detail(EventDetail.ID_NAT.wire(), who.idNat())
                .detail(EventDetail.SPACE_ACTION.wire(), "not_me")
                .detail(EventDetail.REPORTED_LOGIN.wire(), login.get().getId())
                .detail(EventDetail.SESSIONS_ENDED.wire(), Integer.toString(ended));
        device.ifPresent(found -> event.detail(EventDetail.DEVICE.wire(), found.id()));
        event.success();
        LOG.warnf("professional %s reported a login that was not theirs (event %s, means %s)",
                LoggedText.of(who.idNat()), LoggedText.of(login.get().getId()), LoggedText.of(means));
        return noStore(page().setStatus(Response.Status.OK)
                .setAttribute("pscSpaceReportedWhen", ParisTime.ofMillis(login.get().getTime()))
                .setAttribute("pscSpaceReportedMeans", means)
                .setAttribute("pscSpaceReportedService", service)
                .setAttribute("pscSpaceReportedAtSpace", CLIENT_ID.equals(login.get().getClientId()))
                .setAttribute("pscSpaceReportedAddress", nonNull(login.get().getIpAddress()))
                .setAttribute("pscSpaceReportedDevice", device.map(Device::label).orElse(""))
                .setAttribute("pscSpaceReportedCard", cardSerial)
                .setAttribute("pscSpaceReference", login.get().getId())
                .setAttribute("pscSpaceLoginUrl", spaceUrl() + "/login")
                .createForm("psc-space-not-me.ftl"));
    }

    // ---------------------------------------------------------------- helpers

    private record Guarded(SpaceSession who, Response refusal) {
    }

    /** A form post is let through only from an accepted session, with its token, from the space's own origin. */
    private Guarded guard(MultivaluedMap<String, String> form) throws SQLException {
        SpaceSession who = SpaceSession.of(session, realm(), devices);
        if (!who.accepted()) {
            return new Guarded(who, who.status() == SpaceSession.Status.NONE
                    ? message(Response.Status.UNAUTHORIZED, "session_ended", true) : notAccepted(who));
        }
        if (!FormGuard.allows(who.userSession(), session.getContext().getRequestHeaders(),
                session.getContext().getUri().getBaseUri(), form == null ? null : form.getFirst(FormGuard.FIELD))) {
            LOG.warnf("space: a form post for %s refused (no valid token or foreign origin %s)",
                    LoggedText.of(who.idNat()),
                    LoggedText.of(nonNull(session.getContext().getRequestHeaders().getHeaderString("Origin"))));
            return new Guarded(who, message(Response.Status.FORBIDDEN, "forged_form", false));
        }
        return new Guarded(who, null);
    }

    /** No session: to the login. A session the space does not accept: ended when its device is revoked, and said. */
    private Response notAccepted(SpaceSession who) {
        switch (who.status()) {
            case NONE:
                return login(null);
            case DEVICE_REVOKED:
                EcpsEvents.of(session, realm(), EventType.LOGOUT).user(who.user())
                        .detail(EventDetail.ID_NAT.wire(), who.idNat())
                        .detail(EventDetail.DEVICE.wire(), nonNull(who.userSession().getNote(EventDetail.DEVICE.wire())))
                        .detail(EventDetail.SPACE_ACTION.wire(), "session_of_revoked_device").success();
                endSession(who.userSession());
                AuthenticationManager.expireIdentityCookie(session);
                return message(Response.Status.UNAUTHORIZED, "device_revoked_session", true);
            default:
                return message(Response.Status.FORBIDDEN, "not_professional", false);
        }
    }

    private Optional<Device> findDevice(String deviceId) {
        try {
            return devices.find(deviceId);
        } catch (SQLException e) {
            throw new IllegalStateException("e-CPS device store: " + e.getMessage(), e);
        }
    }

    private void revokeDevice(SpaceSession who, Device device, String action) {
        devices.revoke(device.id(), Instant.now());
        EcpsEvents.about(EcpsEvents.of(session, realm(), EventType.REMOVE_CREDENTIAL).user(who.user()), device, null)
                .detail(EventDetail.ECPS_ACTION.wire(), action).success();
    }

    /** Ends every login session of the professional, at every relying service (back-channel logout); how many. */
    private int endSessions(SpaceSession who) {
        List<UserSessionModel> open = session.sessions().getUserSessionsStream(realm(), who.user()).toList();
        open.forEach(this::endSession);
        AuthenticationManager.expireIdentityCookie(session);
        return open.size();
    }

    private void endSession(UserSessionModel userSession) {
        AuthenticationManager.backchannelLogout(session, realm(), userSession, session.getContext().getUri(),
                session.getContext().getConnection(), session.getContext().getRequestHeaders(), true);
    }

    private LoginFormsProvider page() {
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("pscSpaceUrl", spaceUrl());
    }

    /** A page with one message of the space ({@code pscSpace.<key>}), and a link to log in again or to the space. */
    private Response message(Response.Status status, String key, boolean loginLink) {
        return noStore(page().setStatus(status).setAttribute("pscSpaceMessage", key)
                .setAttribute("pscSpaceLink", loginLink ? spaceUrl() + "/login" : spaceUrl())
                .setAttribute("pscSpaceLinkIsLogin", loginLink)
                .createForm("psc-space-message.ftl"));
    }

    private static Response noStore(Response page) {
        return Response.fromResponse(page).header("Cache-Control", null).header("Cache-Control", "no-store").build();
    }

    private String base() {
        return session.getContext().getUri().getBaseUri().toString().replaceAll("/$", "");
    }

    private String spaceUrl() {
        return base() + "/realms/" + realm().getName() + "/" + SpaceFactory.PROVIDER_ID;
    }

    private String spacePath() {
        return URI.create(spaceUrl()).getRawPath();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
