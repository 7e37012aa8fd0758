package org.pscfederator.keycloak.directory;

import org.pscfederator.directorystore.ImportAlreadyRunningException;

import org.pscfederator.directorystore.ImportOutcome;

import org.pscfederator.directorystore.DirectoryEntry;

import org.pscfederator.directorystore.DirectoryImporter;

import org.pscfederator.directorystore.DirectoryStore;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.NationalFileReader;
import org.pscfederator.directory.StaffFileReader;
import org.pscfederator.keycloak.realm.PscRealm;
import org.pscfederator.keycloak.realm.RealmAdminCheck;

/**
 * {@code /auth/realms/{realm}/psc-directory}: imports the national file ({@code import}) or the staff file
 * ({@code import?directory=staff}) and reports on the directory, for the PSC realm's administrators only; not served
 * (404) in any other realm.
 */
public class DirectoryResourceProvider implements RealmResourceProvider {

    private static final Logger LOG = Logger.getLogger(DirectoryResourceProvider.class);
    private static final int PROBLEMS_SHOWN = 100;

    private final KeycloakSession session;
    private final DirectoryStore store;
    private final ImportMetrics metrics;

    DirectoryResourceProvider(KeycloakSession session, DirectoryStore store, ImportMetrics metrics) {
        this.session = session;
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Object getResource() {
        return PscRealm.of(session).owns(session.getContext().getRealm()) ? this : null;
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() throws Exception {
        RealmAdminCheck.require(session);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("professionals", store.countProfessionals());
        for (DirectoryEntry.Directory directory : DirectoryEntry.Directory.values()) {
            DirectoryStore.State state = store.state(directory);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("source", state.activeSource());
            shown.put("activatedAt", state.activatedAt() == null ? null : state.activatedAt().toString());
            shown.put("importRunning", state.importRunning());
            if (state.importRunning()) {
                shown.put("importSource", state.importSource());
                shown.put("importStartedAt", state.importStartedAt().toString());
            }
            status.put(directory.name().toLowerCase(java.util.Locale.ROOT), shown);
        }
        return status;
    }

    /**
     * Streams the posted file into a new generation. It runs on a worker thread of its own: the request's database
     * transaction must not hold millions of rows, and the import commits in batches.
     */
    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(InputStream file, @QueryParam("source") String source,
            @QueryParam("directory") String directory) throws Exception {
        RealmAdminCheck.require(session);
        boolean staff = "staff".equals(directory);
        if (directory != null && !staff && !"national".equals(directory)) {
            return Response.status(400).entity(Map.of("error", "directory must be national or staff")).build();
        }
        String name = source == null || source.isBlank() ? "upload" : DirectoryStore.truncate(source, 200);
        DirectoryImporter importer = new DirectoryImporter(store, NationalFileReader.standard(),
                StaffFileReader.standard());
        Future<ImportOutcome> running = session.getProvider(ExecutorsProvider.class).getExecutor("psc-directory-import")
                .submit(() -> staff ? importer.importStaff(file, name) : importer.importNational(file, name));
        DirectoryEntry.Directory which = staff ? DirectoryEntry.Directory.STAFF : DirectoryEntry.Directory.NATIONAL;
        try {
            ImportOutcome outcome = running.get();
            metrics.ended(which, outcome.activated() ? ImportMetrics.Outcome.ACTIVATED : ImportMetrics.Outcome.REFUSED);
            LOG.infof("directory import of %s: %s; %s", name, outcome.report().summary(),
                    outcome.activated() ? "activated" : "refused, previous directory kept");
            return Response.status(outcome.activated() ? 200 : 422).entity(body(outcome)).build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImportAlreadyRunningException busy) {
                metrics.ended(which, ImportMetrics.Outcome.BUSY);
                return Response.status(409).entity(Map.of("error", busy.getMessage())).build();
            }
            metrics.ended(which, ImportMetrics.Outcome.FAILED);
            LOG.errorf("directory import of %s failed: %s", name, e.getCause().toString());
            return Response.status(500).entity(Map.of("error", "the import failed: " + e.getCause().getMessage()
                    + "; the previous directory is kept")).build();
        }
    }

    private static Map<String, Object> body(ImportOutcome outcome) {
        ImportReport report = outcome.report();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("activated", outcome.activated());
        if (!outcome.activated()) {
            body.put("error", "file refused, previous directory kept: " + outcome.reason());
        }
        body.put("linesRead", report.linesRead());
        body.put("activities", report.activities());
        body.put("professionals", report.professionals());
        body.put("errors", report.errors());
        body.put("warnings", report.warnings());
        List<Map<String, Object>> problems = report.problems().stream().limit(PROBLEMS_SHOWN)
                .map(problem -> Map.<String, Object>of("line", problem.line(), "severity", problem.severity().name(),
                        "reason", problem.reason()))
                .toList();
        body.put("problems", problems);
        return body;
    }

    @Override
    public void close() {
    }
}
