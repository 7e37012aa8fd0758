package org.pscfederator.keycloak.metrics;

/**
 * Every metric PSC adds to Keycloak's registry, the one list: its Micrometer name, the name Prometheus scrapes from
 * {@code /auth/metrics}, and its labels. docs/runbook.md documents exactly these, and the dashboard and alert files
 * under ops/ name only these (a test scrapes a running server for them). No label carries an idNat, a token, a
 * secret or a device: the values are the fixed sets documented with each label.
 */
public enum PscMetric {
    LOGINS("psc.logins", "psc_logins_total", "PSC logins by means and outcome", Label.MEANS, Label.OUTCOME),
    REFUSALS("psc.refusals", "psc_refusals_total", "PSC refusals by means and reason (the psc_reason of the event)",
            Label.MEANS, Label.REASON),
    TOKEN_REQUESTS("psc.token.requests", "psc_token_requests_total",
            "relying services' requests by client authentication and its outcome", Label.CLIENT_AUTH,
            Label.OUTCOME, Label.REASON),
    ECPS_REQUESTS_OPENED("psc.ecps.requests.opened", "psc_ecps_requests_opened_total",
            "e-CPS requests sent to professionals' phones", Label.CHANNEL),
    ECPS_OUTCOMES("psc.ecps.outcomes", "psc_ecps_outcomes_total", "e-CPS requests answered by the phone",
            Label.CHANNEL, Label.OUTCOME),
    ECPS_APPROVAL("psc.ecps.approval", "psc_ecps_approval_seconds",
            "delay from an e-CPS request to its approval on the phone (histogram)", Label.CHANNEL),
    ECPS_WAITS_IN_PROGRESS("psc.ecps.waits.in.progress", "psc_ecps_waits_in_progress",
            "e-CPS calls (the browser's wait, the phone's pending request) this node holds now"),
    ECPS_PUSH_FAILURES("psc.ecps.push.failures", "psc_ecps_push_failures_total",
            "pushes the relay did not accept, or could not be sent to it", Label.CAUSE),
    CRL_THIS_UPDATE("psc.crl.this.update.timestamp.seconds", "psc_crl_this_update_timestamp_seconds",
            "this-update of the CRL read for each CA, epoch seconds", Label.USE, Label.CA),
    CRL_NEXT_UPDATE("psc.crl.next.update.timestamp.seconds", "psc_crl_next_update_timestamp_seconds",
            "next-update of the CRL read for each CA, epoch seconds", Label.USE, Label.CA),
    CRL_SECONDS_UNTIL_REFUSAL("psc.crl.seconds.until.refusal", "psc_crl_seconds_until_refusal",
            "seconds until certificates of the CA are refused (next update plus grace); negative: refusing for that"
                    + " long", Label.USE, Label.CA),
    CRL_STATE("psc.crl.state", "psc_crl_state", "CRL state of each CA: 0 ok, 1 warning, 2 refusing, 3 unreadable",
            Label.USE, Label.CA),
    CRL_SOURCES_UNREADABLE("psc.crl.sources.unreadable", "psc_crl_sources_unreadable",
            "configured CRL locations whose last reading failed", Label.USE),
    DIRECTORY_GENERATION("psc.directory.generation", "psc_directory_generation",
            "generation the directory serves", Label.DIRECTORY),
    DIRECTORY_LINES("psc.directory.lines", "psc_directory_lines", "lines of the generation the directory serves",
            Label.DIRECTORY),
    DIRECTORY_ACTIVATED("psc.directory.activated.timestamp.seconds", "psc_directory_activated_timestamp_seconds",
            "when the generation the directory serves was imported, epoch seconds", Label.DIRECTORY),
    DIRECTORY_IMPORTS("psc.directory.imports", "psc_directory_imports_total",
            "directory imports run by this node, by outcome", Label.DIRECTORY, Label.OUTCOME),
    DIRECTORY_LAST_IMPORT("psc.directory.last.import.timestamp.seconds",
            "psc_directory_last_import_timestamp_seconds",
            "when this node's last import of the directory ended, epoch seconds, by its outcome", Label.DIRECTORY,
            Label.OUTCOME),
    HEALTH_STATE("psc.health.state", "psc_health_state",
            "PSC's operations health check: 0 ok, 1 warning, 2 failing; per check (crl, crl_source, directory,"
                    + " settings)", Label.CHECK);

    /** Label names, and the values each may take. */
    public static final class Label {
        /** card (CPS and staff cards), ecps, ciba, client; establishment for a delegated login. */
        public static final String MEANS = "means";
        /** logins: success, refused; token requests: accepted, refused; e-CPS: approved, denied, wrong_code. */
        public static final String OUTCOME = "outcome";
        /** A refusal's code, as the events' psc_reason; none when there is none. */
        public static final String REASON = "reason";
        /** tls_client_auth, client_secret, other. */
        public static final String CLIENT_AUTH = "client_auth";
        /** browser, ciba. */
        public static final String CHANNEL = "channel";
        /** http_status, unreachable. */
        public static final String CAUSE = "cause";
        /** card, client: which trust of the realm. */
        public static final String USE = "use";
        /** The CA's common name (a public name, from the realm's trust anchors). */
        public static final String CA = "ca";
        /** national, staff. */
        public static final String DIRECTORY = "directory";
        /** crl, crl_source, directory, settings. */
        public static final String CHECK = "check";

        private Label() {
        }
    }

    private final String meterName;
    private final String exported;
    private final String description;
    private final String[] labels;

    PscMetric(String meterName, String exported, String description, String... labels) {
        this.meterName = meterName;
        this.exported = exported;
        this.description = description;
        this.labels = labels;
    }

    /** The name given to Micrometer. */
    public String meterName() {
        return meterName;
    }

    /** The name Prometheus scrapes (a histogram adds _bucket, _count and _sum). */
    public String exported() {
        return exported;
    }

    public String description() {
        return description;
    }

    public java.util.List<String> labels() {
        return java.util.List.of(labels);
    }
}
