package org.pscfederator.keycloak.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Metrics;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;
import org.pscfederator.core.certificates.CertificateChecks;
import org.pscfederator.core.settings.HealthSettings;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.core.settings.RealmSettings;
import org.pscfederator.core.settings.TrustUse;
import org.pscfederator.directorystore.DirectoryEntry;
import org.pscfederator.directorystore.DirectoryStore;
import org.pscfederator.keycloak.certificates.RealmCertificateChecks;
import org.pscfederator.keycloak.directory.DirectoryStoreProvider;
import org.pscfederator.keycloak.health.HealthChecks.DirectoryReading;
import org.pscfederator.keycloak.health.HealthChecks.TrustReading;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.OwnSpi;
import org.pscfederator.keycloak.realm.PscRealm;
import org.pscfederator.keycloak.realm.RealmAttributes;

/**
 * Checks the PSC realm's trust and directory every {@code --spi-psc-health--default--interval-seconds} (default 30)
 * on each node, with the same checks card login and relying services use (so the CRLs read are the logins' own),
 * shows the result as gauges and logs each change of state once.
 */
public class PeriodicPscHealthFactory implements PscHealthFactory {

    public static final String ID = "default";
    static final int DEFAULT_INTERVAL_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(PeriodicPscHealthFactory.class);
    private static final HealthSettings DEFAULTS = RealmSettings.of(Map.of()).health();

    private int intervalSeconds;
    private volatile HealthReport latest;
    private final StateChanges changes = new StateChanges();
    private HealthGauges gauges;

    @Override
    public PscHealth create(KeycloakSession session) {
        return () -> Optional.ofNullable(latest);
    }

    @Override
    public void init(Config.Scope config) {
        intervalSeconds = config.getInt("interval-seconds", DEFAULT_INTERVAL_SECONDS);
        if (intervalSeconds < 1 || intervalSeconds > 3600) {
            throw new IllegalArgumentException("spi-psc-health--default--interval-seconds must be 1 to 3600, got "
                    + intervalSeconds);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        gauges = new HealthGauges(Metrics.globalRegistry);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(this::check, intervalSeconds * 1000L, "psc-health"));
            }
        });
    }

    /** One round of checks, in a session of its own (the timer's). */
    void check(KeycloakSession session) {
        try {
            RealmModel realm = session.realms().getRealmByName(PscRealm.of(session).name());
            if (realm == null) {
                return;
            }
            session.getContext().setRealm(realm);
            List<String> settingsProblems = new ArrayList<>();
            HealthSettings health = DEFAULTS;
            try {
                health = RealmAttributes.settings(realm).health();
            } catch (RealmSettingException e) {
                settingsProblems.add(e.getMessage());
            }
            Map<TrustUse, TrustReading> trust = new EnumMap<>(TrustUse.class);
            Map<TrustUse, Integer> unreadable = new EnumMap<>(TrustUse.class);
            for (TrustUse use : TrustUse.values()) {
                try {
                    CertificateChecks checks = RealmCertificateChecks.of(session).of(realm, use);
                    TrustReading reading = TrustReading.of(checks.crlStatuses(health.crlWarning()),
                            checks.unreadableCrlLocations());
                    trust.put(use, reading);
                    unreadable.put(use, reading.unreadableLocations().size());
                } catch (IllegalStateException e) {
                    trust.put(use, TrustReading.failed(e.getMessage()));
                }
            }
            List<HealthGauges.DirectoryFigures> figures = new ArrayList<>();
            DirectoryReading national;
            try {
                DirectoryStore store = OwnSpi.required(session, DirectoryStoreProvider.class).store();
                Optional<Instant> activatedAt = Optional.empty();
                for (DirectoryEntry.Directory directory : DirectoryEntry.Directory.values()) {
                    Optional<DirectoryStore.Active> active = store.active(directory);
                    if (active.isPresent()) {
                        figures.add(new HealthGauges.DirectoryFigures(directory.name().toLowerCase(Locale.ROOT),
                                active.get().generation(), active.get().lines(),
                                active.get().activatedAt() == null ? 0 : active.get().activatedAt().getEpochSecond()));
                        if (directory == DirectoryEntry.Directory.NATIONAL) {
                            activatedAt = Optional.ofNullable(active.get().activatedAt());
                        }
                    }
                }
                national = new DirectoryReading(activatedAt, null);
            } catch (Exception e) {
                national = new DirectoryReading(Optional.empty(), e.toString());
            }
            HealthReport report = HealthChecks.report(Instant.now(), trust, national, health.directoryMaxAge(),
                    settingsProblems);
            changes.log(report);
            gauges.show(report, figures, unreadable);
            latest = report;
        } catch (RuntimeException e) {
            // A round that fails is logged and the next one tries again; the gauges keep the last round's values.
            LOG.errorf("PSC health check failed: %s", LoggedText.of(e));
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
