package org.pscfederator.keycloak.ecps;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.pscfederator.core.ecps.HeldCalls;
import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.keycloak.claims.PscAmr;
import org.pscfederator.keycloak.logging.EventFields;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.login.LoginStage;
import org.pscfederator.keycloak.realm.RealmAttributes;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.core.settings.EcpsSettings;
import org.pscfederator.core.events.EcpsRefusal;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.realm.OwnSpi;

/**
 * The e-CPS login in the browser: the identifier form (on PSC's login page itself, the e-CPS tab), the push, the wait
 * page with its 2-digit code, then the outcome. The pages are the same whether the identifier is known or not: an unknown one simply expires.
 */
public final class EcpsLogin {

    private static final Logger LOG = Logger.getLogger(EcpsLogin.class);

    public static final String STEP = "ecps_step";
    /** PSC's login page: the e-CPS identifier form is on it, so the e-CPS login starts on the first page. */
    public static final String LOGIN_TEMPLATE = "psc-login.ftl";
    static final String WAIT_TEMPLATE = "psc-ecps-wait.ftl";
    static final String ERROR_TEMPLATE = "psc-ecps-error.ftl";
    /** Remembers the identifier on this computer, when the professional asks for it. */
    public static final String REMEMBER_COOKIE = "PSC_ECPS_IDNAT";
    private static final String NOTE_REQUEST = "psc.ecps.request";
    private static final String NOTE_ID_NAT = "psc.ecps.idnat";
    private static final String NOTE_CODE = "psc.ecps.code";

    private EcpsLogin() {
    }

    /** "Application e-CPS" chosen, or a step of the e-CPS pages posted. */
    public static void action(AuthenticationFlowContext context, LoginStage stage) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String step = form.getFirst(STEP);
        if ("identify".equals(step)) {
            identify(context, form.getFirst("id_nat"), "on".equals(form.getFirst("remember")), stage);
        } else if ("check".equals(step)) {
            check(context, stage);
        } else if ("retry".equals(step)) {
            String idNat = context.getAuthenticationSession().getAuthNote(NOTE_ID_NAT);
            if (idNat == null) {
                context.challenge(loginPage(context, stage));
            } else {
                // A new request for the same identifier: what the professional chose to remember stays as it is.
                identify(context, idNat, null, stage);
            }
        } else {
            context.challenge(loginPage(context, stage));
        }
    }

    /** The stage's page of both means, the identifier prefilled when this computer remembers it. */
    public static Response loginPage(AuthenticationFlowContext context, LoginStage stage) {
        Cookie remembered = context.getHttpRequest().getHttpHeaders().getCookies().get(REMEMBER_COOKIE);
        String prefill = remembered == null ? "" : IdNat.typed(remembered.getValue()).orElse("");
        return stage.meansPage(context, context.form().setAttribute("pscEcpsIdNat", prefill)
                .setAttribute("pscEcpsRemembered", !prefill.isEmpty()));
    }

    /** {@code remember} null leaves the remembered identifier as it is. */
    private static void identify(AuthenticationFlowContext context, String typed, Boolean remember,
            LoginStage stage) {
        context.getEvent().detail(EventDetail.MEANS.wire(), EcpsEvents.MEANS);
        Optional<String> idNat = IdNat.typed(typed);
        if (idNat.isEmpty()) {
            context.getEvent().detail(EventDetail.REASON.wire(), EcpsRefusal.INVALID_IDENTIFIER.code())
                    .error(Errors.INVALID_INPUT);
            Response page = stage.meansPage(context, context.form().setAttribute("pscEcpsIdNat", "")
                    .setAttribute("pscEcpsError", EcpsRefusal.INVALID_IDENTIFIER.code()));
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, page);
            return;
        }
        context.getEvent().detail(EventDetail.ID_NAT.wire(), idNat.get());
        if (remember != null) {
            rememberIdentifier(context, remember ? idNat.get() : null, remember);
        }
        Optional<EcpsSettings> read = settings(context);
        if (read.isEmpty()) {
            return;
        }
        EcpsSettings settings = read.get();
        String address = context.getConnection().getRemoteAddr();
        PushSource source = PushSource.browser(address);
        PushLimits.Verdict verdict = new PushLimits(context.getSession()).take(idNat.get(), address, source, settings);
        if (verdict != PushLimits.Verdict.ALLOWED) {
            EcpsRefusal reason = verdict == PushLimits.Verdict.ID_NAT_LIMIT ? EcpsRefusal.TOO_MANY_PUSHES_IDENTIFIER
                    : EcpsRefusal.TOO_MANY_PUSHES_ADDRESS;
            refuse(context, reason, Errors.INVALID_REQUEST);
            return;
        }
        String clientName = context.getAuthenticationSession().getClient().getName();
        EcpsRequest request = new PendingRequests(context.getSession()).open(idNat.get(), source,
                clientName == null || clientName.isBlank() ? context.getAuthenticationSession().getClient()
                        .getClientId() : clientName, null, settings.requestSeconds());
        push(context, idNat.get(), request, settings);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_REQUEST, request.id());
        authSession.setAuthNote(NOTE_ID_NAT, idNat.get());
        authSession.setAuthNote(NOTE_CODE, request.shownCode());
        waitPage(context, request.id(), request.shownCode(), settings.requestSeconds());
    }

    /** Only active devices of a known professional get the push; an unknown idNat gets none, and looks the same. */
    private static void push(AuthenticationFlowContext context, String idNat, EcpsRequest request,
            EcpsSettings settings) {
        try {
            UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), idNat);
            if (user == null || !user.isEnabled()) {
                return;
            }
            List<Device> active = OwnSpi.required(context.getSession(), DeviceStore.class).of(idNat).stream()
                    .filter(device -> !device.revoked()).toList();
            if (!active.isEmpty()) {
                PushGateways.of(context.getSession(), settings).notify(active, request);
            }
        } catch (SQLException | RuntimeException e) {
            // The request still waits and expires; the professional sees the same page.
            LOG.errorf("e-CPS push for a request not sent: %s", LoggedText.of(e));
        }
    }

    private static void waitPage(AuthenticationFlowContext context, String requestId, String code, int seconds) {
        String waitUrl = context.getUriInfo().getBaseUri().toString().replaceAll("/$", "") + "/realms/"
                + context.getRealm().getName() + "/" + DeviceApiFactory.PROVIDER_ID + "/" + HeldCalls.BROWSER_WAIT
                + requestId;
        context.challenge(context.form().setAttribute("pscEcpsCode", code)
                .setAttribute("pscEcpsWaitUrl", waitUrl)
                .setAttribute("pscEcpsSeconds", seconds)
                .createForm(WAIT_TEMPLATE));
    }

    private static void check(AuthenticationFlowContext context, LoginStage stage) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String requestId = authSession.getAuthNote(NOTE_REQUEST);
        String idNat = authSession.getAuthNote(NOTE_ID_NAT);
        context.getEvent().detail(EventDetail.MEANS.wire(), EcpsEvents.MEANS);
        if (requestId == null || idNat == null) {
            context.challenge(loginPage(context, stage));
            return;
        }
        context.getEvent().detail(EventDetail.ID_NAT.wire(), idNat).detail(EventDetail.ECPS_REQUEST.wire(), requestId);
        Optional<PendingRequests.Decision> decision = new PendingRequests(context.getSession()).decision(requestId);
        if (decision.isEmpty()) {
            settings(context).ifPresent(settings -> waitPage(context, requestId, authSession.getAuthNote(NOTE_CODE),
                    settings.requestSeconds()));
            return;
        }
        // One decision per request: whatever it was, this request cannot be checked again.
        authSession.removeAuthNote(NOTE_REQUEST);
        Outcome outcome = decision.get().outcome();
        context.getEvent().detail(EventDetail.OUTCOME.wire(), outcome.code());
        if (!decision.get().deviceId().isEmpty()) {
            context.getEvent().detail(EventDetail.DEVICE.wire(), decision.get().deviceId());
        }
        if (outcome != Outcome.APPROVED) {
            refuse(context, outcome.refusal(), outcome == Outcome.EXPIRED ? Errors.EXPIRED_CODE
                    : Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        UserModel user;
        try {
            // The device must still belong to this professional and be active at the moment the login completes.
            Optional<Device> device = OwnSpi.required(context.getSession(), DeviceStore.class).find(decision.get().deviceId())
                    .filter(found -> found.idNat().equals(idNat) && !found.revoked());
            user = device.isEmpty() ? null : context.getSession().users().getUserByUsername(context.getRealm(), idNat);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("e-CPS login not completed: %s", LoggedText.of(e));
            refuse(context, EcpsRefusal.UNAVAILABLE, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        if (user == null || !user.isEnabled()) {
            refuse(context, EcpsRefusal.DEVICE_REVOKED, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        authSession.setUserSessionNote(PscAmr.USER_SESSION_NOTE, PscAmr.MOBILE);
        authSession.setUserSessionNote(EventDetail.MEANS.wire(), EcpsEvents.MEANS);
        authSession.setUserSessionNote(EventDetail.DEVICE.wire(), decision.get().deviceId());
        stage.proven(context, user);
    }

    /**
     * The realm's e-CPS settings; a bad one fails closed: the page says e-CPS is unavailable, the log names the
     * attribute for the operator, and nothing is pushed.
     */
    private static Optional<EcpsSettings> settings(AuthenticationFlowContext context) {
        try {
            return Optional.of(RealmAttributes.settings(context.getRealm()).ecps());
        } catch (RealmSettingException e) {
            LOG.errorf("e-CPS login unavailable in realm %s: %s", context.getRealm().getName(),
                    LoggedText.of(e.getMessage()));
            refuse(context, EcpsRefusal.UNAVAILABLE, Errors.INVALID_CONFIG);
            return Optional.empty();
        }
    }

    private static void refuse(AuthenticationFlowContext context, EcpsRefusal reason, String error) {
        context.getEvent().detail(EventDetail.REASON.wire(), reason.code());
        context.getEvent().error(error);
        EventFields.info(LOG, "e-CPS login refused: " + reason.code(), context.getEvent());
        Response page = context.form().setAttribute("pscEcpsReason", reason.code()).createForm(ERROR_TEMPLATE);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
    }

    private static void rememberIdentifier(AuthenticationFlowContext context, String idNat, boolean remember) {
        String path = context.getUriInfo().getBaseUri().getPath().replaceAll("/$", "") + "/realms/"
                + context.getRealm().getName() + "/";
        NewCookie cookie = new NewCookie.Builder(REMEMBER_COOKIE).value(remember ? idNat : "").path(path)
                .maxAge(remember ? 365 * 24 * 3600 : 0).secure(true).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        context.getSession().getContext().getHttpResponse().setCookieIfAbsent(cookie);
    }
}
