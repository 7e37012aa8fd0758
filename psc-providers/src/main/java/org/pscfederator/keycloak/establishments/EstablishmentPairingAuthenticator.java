package org.pscfederator.keycloak.establishments;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.EstablishmentSettingException;
import org.pscfederator.core.establishments.EstablishmentSettings;
import org.pscfederator.core.establishments.PairingMeans;
import org.pscfederator.core.establishments.PairingResult;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.cps.CardLogin;
import org.pscfederator.keycloak.ecps.EcpsLogin;
import org.pscfederator.keycloak.logging.EventFields;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.login.LoginStage;
import org.pscfederator.keycloak.login.PscLoginAuthenticator;
import org.pscfederator.keycloak.realm.OwnSpi;
import org.pscfederator.keycloak.realm.PscRealm;

/**
 * {@code psc-establishment-pairing}, the first broker login of an establishment's provider: a local account not yet
 * paired. Refuses unless the mapper's verdict is met; then asks for the card or e-CPS on PSC's own means (the same
 * logins as PSC's login page) under the heading "Confirmez votre identité pour associer votre compte ...". Once the
 * professional is proven: one of their activities must be at a structure the establishment vouches for, and they
 * must not be paired there with another local account; the pairing is recorded, the delegated login's notes set,
 * and Keycloak links the local account to the professional.
 */
public class EstablishmentPairingAuthenticator implements Authenticator {

    static final String PAIRING_TEMPLATE = "psc-establishment-pairing.ftl";
    private static final Logger LOG = Logger.getLogger(EstablishmentPairingAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        admitted(context).ifPresent(stage -> context.challenge(EcpsLogin.loginPage(context, stage)));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (PscLoginAuthenticator.refusedOutsidePscRealm(context)) {
            return;
        }
        admitted(context).ifPresent(stage -> LoginStage.act(context, stage));
    }

    /** The pairing stage of this brokered login, or empty once it has been refused (page and event done). */
    private static Optional<LoginStage> admitted(AuthenticationFlowContext context) {
        Optional<BrokeredLogin> login = BrokeredLogin.ofFirstLogin(context);
        if (login.isEmpty() || !PscRealm.of(context.getSession()).owns(context.getRealm())) {
            EstablishmentPage.refuse(context, login.map(BrokeredLogin::alias).orElse(""), null,
                    EstablishmentRefusal.NOT_ESTABLISHMENT);
            return Optional.empty();
        }
        BrokeredLogin brokered = login.get();
        EstablishmentSettings settings;
        try {
            settings = EstablishmentSettings.of(brokered.provider().getConfig());
        } catch (EstablishmentSettingException e) {
            LOG.errorf("identity provider %s is not a valid establishment's: %s", LoggedText.of(brokered.alias()),
                    LoggedText.of(e.getMessage()));
            EstablishmentPage.refuse(context, brokered.alias(), null, EstablishmentRefusal.NOT_ESTABLISHMENT);
            return Optional.empty();
        }
        if (!brokered.provider().isEnabled()) {
            EstablishmentPage.refuse(context, brokered.alias(), settings.name(), EstablishmentRefusal.PROVIDER_DISABLED);
            return Optional.empty();
        }
        if (!brokered.verdict().isMet()) {
            EstablishmentPage.refuse(context, brokered.alias(), settings.name(), brokered.verdict().refusal());
            return Optional.empty();
        }
        return Optional.of(new PairingStage(brokered, settings));
    }

    /** The pairing page, and what follows the card or e-CPS login in it. */
    private record PairingStage(BrokeredLogin login, EstablishmentSettings settings) implements LoginStage {

        @Override
        public Response meansPage(AuthenticationFlowContext context, LoginFormsProvider form) {
            form.setAttribute("pscEstablishmentName", settings.name());
            login.verdict().endedPairing()
                    .ifPresent(ended -> form.setAttribute("pscEstablishmentEnded", ended.code()));
            return form.createForm(PAIRING_TEMPLATE);
        }

        @Override
        public void proven(AuthenticationFlowContext context, UserModel user) {
            Map<String, String> notes = context.getAuthenticationSession().getUserSessionNotes();
            PairingMeans means = CardLogin.MEANS.equals(notes.get(EventDetail.MEANS.wire())) ? PairingMeans.CARD
                    : PairingMeans.ECPS;
            context.getEvent().detail(EventDetail.PAIRING_MEANS.wire(), means.wire())
                    .detail(EventDetail.ID_NAT.wire(), user.getUsername());
            Optional<EstablishmentRefusal> refusal;
            try {
                refusal = pair(context, user, means);
            } catch (SQLException | RuntimeException e) {
                LOG.errorf("pairing at %s not recorded: %s", LoggedText.of(login.alias()), LoggedText.of(e));
                refusal = Optional.of(EstablishmentRefusal.NOT_ESTABLISHMENT);
            }
            if (refusal.isPresent()) {
                EstablishmentPage.refuse(context, login.alias(), settings.name(), refusal.get());
                return;
            }
            DelegatedNotes.set(context.getAuthenticationSession(), login);
            context.setUser(user);
            context.success();
        }

        /** Records the pairing, or says why not (nothing recorded then). */
        private Optional<EstablishmentRefusal> pair(AuthenticationFlowContext context, UserModel user,
                PairingMeans means) throws SQLException {
            KeycloakSession session = context.getSession();
            RealmModel realm = context.getRealm();
            String idNat = user.getUsername();
            if (!settings.structures().vouchFor(ProfessionalSites.of(session, idNat))) {
                return Optional.of(EstablishmentRefusal.NOT_IN_STRUCTURE);
            }
            PairingStore store = OwnSpi.required(session, PairingStore.class);
            Optional<Pairing> held = store.bySubject(realm.getId(), login.alias(), login.subject());
            boolean restored = held.isPresent() && held.get().idNat().equals(idNat)
                    && held.get().userId().equals(user.getId());
            if ((held.isPresent() && !restored)
                    || (held.isEmpty() && store.byIdNat(realm.getId(), login.alias(), idNat).isPresent())) {
                // This local account is paired with someone else, or this professional with another local account.
                return Optional.of(EstablishmentRefusal.ALREADY_PAIRED);
            }
            FederatedIdentityModel stale = session.users().getFederatedIdentity(realm, user, login.alias());
            if (stale != null) {
                // A link without its pairing (removed while the link stayed): Keycloak would refuse a second one.
                session.users().removeFederatedIdentity(realm, user, login.alias());
            }
            if (restored) {
                // Still paired, its link lost (removed behind PSC's back): its own professional gets it back.
                return Optional.empty();
            }
            Instant now = Instant.now();
            Pairing pairing = new Pairing(realm.getId(), login.alias(), login.subject(), idNat, user.getId(), now,
                    means, now.plus(settings.pairingLifetime()));
            if (!store.add(pairing)) {
                return Optional.of(EstablishmentRefusal.ALREADY_PAIRED);
            }
            var event = EstablishmentEvents.about(EstablishmentEvents.of(session, realm,
                    EventType.FEDERATED_IDENTITY_LINK, login.alias(), PairingResult.CREATED), pairing)
                    .user(user.getId());
            if (context.getAuthenticationSession().getClient() != null) {
                event.client(context.getAuthenticationSession().getClient());
            }
            event.success();
            EventFields.info(LOG, "pairing recorded", event);
            return Optional.empty();
        }
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
