package org.pscfederator.keycloak.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.pscfederator.keycloak.health.HealthReport.CaCrl;
import org.pscfederator.keycloak.metrics.PscMetric;
import org.pscfederator.keycloak.metrics.PscMetric.Label;

/** The latest report as gauges: the check states, each CA's CRL dates and state, the directory's generation. */
final class HealthGauges {

    /** The national and staff directories' served generation, lines and activation, as read with the report. */
    record DirectoryFigures(String directory, long generation, long lines, long activatedEpochSecond) {
    }

    private final List<Object> shown = new ArrayList<>();
    private final MultiGauge health;
    private final MultiGauge thisUpdate;
    private final MultiGauge nextUpdate;
    private final MultiGauge untilRefusal;
    private final MultiGauge crlState;
    private final MultiGauge unreadableSources;
    private final MultiGauge generation;
    private final MultiGauge lines;
    private final MultiGauge activated;

    HealthGauges(MeterRegistry registry) {
        health = gauge(registry, PscMetric.HEALTH_STATE);
        thisUpdate = gauge(registry, PscMetric.CRL_THIS_UPDATE);
        nextUpdate = gauge(registry, PscMetric.CRL_NEXT_UPDATE);
        untilRefusal = gauge(registry, PscMetric.CRL_SECONDS_UNTIL_REFUSAL);
        crlState = gauge(registry, PscMetric.CRL_STATE);
        unreadableSources = gauge(registry, PscMetric.CRL_SOURCES_UNREADABLE);
        generation = gauge(registry, PscMetric.DIRECTORY_GENERATION);
        lines = gauge(registry, PscMetric.DIRECTORY_LINES);
        activated = gauge(registry, PscMetric.DIRECTORY_ACTIVATED);
    }

    private static MultiGauge gauge(MeterRegistry registry, PscMetric metric) {
        return MultiGauge.builder(metric.meterName()).description(metric.description()).register(registry);
    }

    synchronized void show(HealthReport report, List<DirectoryFigures> directories,
            java.util.Map<org.pscfederator.core.settings.TrustUse, Integer> unreadableByUse) {
        shown.clear();
        List<MultiGauge.Row<?>> checks = new ArrayList<>();
        report.checks().forEach((check, result) -> checks.add(row(Tags.of(Label.CHECK, check.label()),
                result.state().value())));
        health.register(checks, true);
        List<MultiGauge.Row<?>> thisRows = new ArrayList<>();
        List<MultiGauge.Row<?>> nextRows = new ArrayList<>();
        List<MultiGauge.Row<?>> untilRows = new ArrayList<>();
        List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
        for (CaCrl crl : report.crls()) {
            Tags tags = Tags.of(Label.USE, crl.use().name().toLowerCase(Locale.ROOT), Label.CA, crl.ca());
            crl.status().thisUpdate().ifPresent(at -> thisRows.add(row(tags, at.getEpochSecond())));
            crl.status().nextUpdate().ifPresent(at -> nextRows.add(row(tags, at.getEpochSecond())));
            untilRows.add(row(tags, crl.status().secondsUntilRefusal()));
            stateRows.add(row(tags, crl.status().state().ordinal()));
        }
        thisUpdate.register(thisRows, true);
        nextUpdate.register(nextRows, true);
        untilRefusal.register(untilRows, true);
        crlState.register(stateRows, true);
        List<MultiGauge.Row<?>> sources = new ArrayList<>();
        unreadableByUse.forEach((use, count) -> sources.add(row(Tags.of(Label.USE,
                use.name().toLowerCase(Locale.ROOT)), count)));
        unreadableSources.register(sources, true);
        List<MultiGauge.Row<?>> generations = new ArrayList<>();
        List<MultiGauge.Row<?>> lineRows = new ArrayList<>();
        List<MultiGauge.Row<?>> activations = new ArrayList<>();
        for (DirectoryFigures figures : directories) {
            Tags tags = Tags.of(Label.DIRECTORY, figures.directory());
            generations.add(row(tags, figures.generation()));
            lineRows.add(row(tags, figures.lines()));
            activations.add(row(tags, figures.activatedEpochSecond()));
        }
        generation.register(generations, true);
        lines.register(lineRows, true);
        activated.register(activations, true);
    }

    /** A row holding its value: a gauge keeps only a weak reference to what it reads, so this class holds them. */
    private MultiGauge.Row<?> row(Tags tags, double value) {
        AtomicReference<Double> holder = new AtomicReference<>(value);
        shown.add(holder);
        return MultiGauge.Row.of(tags, holder, AtomicReference::get);
    }
}
