package org.pscfederator.keycloak.establishments;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.pscfederator.core.establishments.EstablishmentRefusal;
import org.pscfederator.core.establishments.EstablishmentSettingException;
import org.pscfederator.core.establishments.EstablishmentSettings;
import org.pscfederator.core.establishments.PairingResult;
import org.pscfederator.core.events.EventDetail;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.OwnSpi;
import org.pscfederator.keycloak.realm.PscRealm;

/**
 * {@code psc-establishment-check}, the post broker login of an establishment's provider, after every delegated
 * login (through an existing link, or right after the pairing). Fails closed unless the mapper's verdict is met and
 * a pairing, not expired, names this local account and this very user; then sets the delegated login's notes,
 * without which the tokens carry neither acr nor amr.
 */
public class EstablishmentCheckAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(EstablishmentCheckAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<BrokeredLogin> login = BrokeredLogin.ofPostLogin(context);
        UserModel user = context.getUser();
        if (login.isEmpty() || user == null || !PscRealm.of(context.getSession()).owns(context.getRealm())) {
            EstablishmentPage.refuse(context, login.map(BrokeredLogin::alias).orElse(""), null,
                    EstablishmentRefusal.NOT_ESTABLISHMENT);
            return;
        }
        BrokeredLogin brokered = login.get();
        EstablishmentSettings settings;
        try {
            settings = EstablishmentSettings.of(brokered.provider().getConfig());
        } catch (EstablishmentSettingException e) {
            LOG.errorf("identity provider %s is not a valid establishment's: %s", LoggedText.of(brokered.alias()),
                    LoggedText.of(e.getMessage()));
            EstablishmentPage.refuse(context, brokered.alias(), null, EstablishmentRefusal.NOT_ESTABLISHMENT);
            return;
        }
        context.getEvent().detail(EventDetail.ID_NAT.wire(), user.getUsername());
        Optional<EstablishmentRefusal> refusal;
        if (!brokered.provider().isEnabled()) {
            refusal = Optional.of(EstablishmentRefusal.PROVIDER_DISABLED);
        } else if (!brokered.verdict().isMet()) {
            refusal = Optional.of(brokered.verdict().refusal());
        } else {
            refusal = pairingRefusal(context, brokered, user);
        }
        if (refusal.isPresent()) {
            EstablishmentPage.refuse(context, brokered.alias(), settings.name(), refusal.get());
            return;
        }
        DelegatedNotes.set(context.getAuthenticationSession(), brokered);
        if (!"true".equals(context.getAuthenticationSession()
                .getAuthNote(PostBrokerLoginConstants.PBL_AFTER_FIRST_BROKER_LOGIN))) {
            // Right after the pairing its creation is the event; later logins go through it: one event each.
            EventBuilder used = EstablishmentEvents.of(context.getSession(), context.getRealm(),
                    EventType.IDENTITY_PROVIDER_POST_LOGIN, brokered.alias(), PairingResult.USED)
                    .user(user).detail(EventDetail.ID_NAT.wire(), user.getUsername());
            if (context.getAuthenticationSession().getClient() != null) {
                used.client(context.getAuthenticationSession().getClient());
            }
            used.success();
        }
        context.success();
    }

    /** Why no valid pairing names this local account and this user; empty when one does. */
    private static Optional<EstablishmentRefusal> pairingRefusal(AuthenticationFlowContext context,
            BrokeredLogin login, UserModel user) {
        try {
            Optional<Pairing> pairing = OwnSpi.required(context.getSession(), PairingStore.class)
                    .bySubject(context.getRealm().getId(), login.alias(), login.subject());
            if (pairing.isEmpty() || !pairing.get().userId().equals(user.getId())) {
                return Optional.of(EstablishmentRefusal.PAIRING_REMOVED);
            }
            if (pairing.get().expiredAt(Instant.now())) {
                return Optional.of(EstablishmentRefusal.PAIRING_EXPIRED);
            }
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("delegated login at %s refused, the pairing store failed: %s", LoggedText.of(login.alias()),
                    LoggedText.of(e));
            return Optional.of(EstablishmentRefusal.NOT_ESTABLISHMENT);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
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
