package org.pscfederator.keycloak.directory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.core.settings.RealmSetting;
import org.pscfederator.core.settings.RealmSettingException;
import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directory.NationalFileReader;
import org.pscfederator.directory.StaffFileReader;
import org.pscfederator.directorystore.AddedProfessionals;
import org.pscfederator.directorystore.DirectoryEntry;
import org.pscfederator.directorystore.DirectoryImporter;
import org.pscfederator.directorystore.DirectoryStore;
import org.pscfederator.directorystore.ImportAlreadyRunningException;
import org.pscfederator.directorystore.ImportOutcome;
import org.pscfederator.keycloak.logging.LoggedText;
import org.pscfederator.keycloak.realm.PscRealm;
import org.pscfederator.keycloak.realm.RealmAdminCheck;
import org.pscfederator.keycloak.realm.RealmAttributes;

/**
 * {@code /auth/realms/{realm}/psc-directory}: imports the national file ({@code import}) or the staff file
 * ({@code import?directory=staff}) and reports on the directory, for the PSC realm's administrators only; not served
 * (404) in any other realm. In a realm with {@code pscTestIdentitiesAllowed} (the sandbox), {@code professionals}
 * adds one professional beside the imported directory, lists those added, and removes one of them.
 */
public class DirectoryResourceProvider implements RealmResourceProvider {

    private static final Logger LOG = Logger.getLogger(DirectoryResourceProvider.class);
    private static final int PROBLEMS_SHOWN = 100;
    /** One professional's lines: a few kilobytes; anything larger is not one professional. */
    private static final int MAX_PROFESSIONAL_BYTES = 64 * 1024;

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

    /**
     * Adds one professional, given as a national file of its own (the header and its lines), beside the imported
     * directory: 201 when added; 400 with the first problem when a line is not one the import would take without a
     * warning; 409 when the idNat is in the directory already or an import is running; 403 outside a sandbox realm.
     */
    @POST
    @Path("professionals")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response addProfessional(InputStream file, @QueryParam("source") String source) throws Exception {
        RealmAdminCheck.require(session);
        Response refused = testIdentitiesRefused();
        if (refused != null) {
            return refused;
        }
        byte[] lines = file.readNBytes(MAX_PROFESSIONAL_BYTES + 1);
        if (lines.length > MAX_PROFESSIONAL_BYTES) {
            return Response.status(413).entity(Map.of("error", "one professional's lines are at most "
                    + MAX_PROFESSIONAL_BYTES + " bytes")).build();
        }
        String name = source == null || source.isBlank() ? "added" : DirectoryStore.truncate(source, 200);
        AddedProfessionals added = store.added(NationalFileReader.standard());
        try {
            AddedProfessionals.Added professional = onWorker(() -> added.add(new ByteArrayInputStream(lines), name));
            LOG.infof("directory: added professional %s (%d lines, %s)", professional.idNat(),
                    professional.entries().size(), LoggedText.of(name));
            return Response.status(201).entity(shown(professional)).build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AddedProfessionals.RefusedException refusal) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", refusal.getMessage());
                body.put("reason", refusal.reason().name().toLowerCase(java.util.Locale.ROOT));
                body.put("problems", problems(refusal.problems()));
                return Response.status(refusal.reason() == AddedProfessionals.RefusedException.Reason.INVALID_LINES
                        ? 400 : 409).entity(body).build();
            }
            return busyOrFailed(e, "adding a professional");
        }
    }

    @GET
    @Path("professionals")
    @Produces(MediaType.APPLICATION_JSON)
    public Response addedProfessionals() throws Exception {
        RealmAdminCheck.require(session);
        Response refused = testIdentitiesRefused();
        if (refused != null) {
            return refused;
        }
        List<Map<String, Object>> shown = store.added(NationalFileReader.standard()).list().stream()
                .map(DirectoryResourceProvider::shown).toList();
        return Response.ok(Map.of("professionals", shown)).build();
    }

    /** Removes a professional added one at a time; 409 for one that came with an import, 404 for an unknown one. */
    @DELETE
    @Path("professionals/{idNat}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response removeProfessional(@PathParam("idNat") String idNat) throws Exception {
        RealmAdminCheck.require(session);
        Response refused = testIdentitiesRefused();
        if (refused != null) {
            return refused;
        }
        if (!IdNat.wellFormed(idNat)) {
            return Response.status(400).entity(Map.of("error", "not an idNat")).build();
        }
        AddedProfessionals added = store.added(NationalFileReader.standard());
        try {
            AddedProfessionals.Removal removal = onWorker(() -> added.remove(idNat));
            return switch (removal) {
                case REMOVED -> {
                    LOG.infof("directory: removed added professional %s", idNat);
                    yield Response.ok(Map.of("idNat", idNat, "removed", true)).build();
                }
                case IMPORTED -> Response.status(409).entity(Map.of("error", idNat + " came with a directory import,"
                        + " not added one at a time: it is not removed", "reason", "imported")).build();
                case UNKNOWN -> Response.status(404).entity(Map.of("error", idNat + " is not in the directory",
                        "reason", "unknown")).build();
            };
        } catch (ExecutionException e) {
            return busyOrFailed(e, "removing a professional");
        }
    }

    /** Null when the realm lets its administrators add test professionals; the refusal otherwise. */
    private Response testIdentitiesRefused() {
        try {
            if (RealmAttributes.settings(session.getContext().getRealm()).testIdentitiesAllowed()) {
                return null;
            }
            return Response.status(403).entity(Map.of("error", "realm " + session.getContext().getRealm().getName()
                    + " does not take test professionals one at a time (realm attribute "
                    + RealmSetting.TEST_IDENTITIES_ALLOWED.attribute() + " is off): that is for the sandbox only",
                    "reason", "not_sandbox")).build();
        } catch (RealmSettingException e) {
            LOG.errorf("directory: test professionals refused: %s", LoggedText.of(e.getMessage()));
            return Response.status(503).entity(Map.of("error", e.getMessage(), "reason", "not_configured")).build();
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /** On the directory's worker: the store commits its own transaction, outside the request's. */
    private <T> T onWorker(Work<T> work) throws ExecutionException, InterruptedException {
        return session.getProvider(ExecutorsProvider.class).getExecutor("psc-directory-import")
                .submit(work::run).get();
    }

    private static Response busyOrFailed(ExecutionException e, String what) {
        if (e.getCause() instanceof ImportAlreadyRunningException busy) {
            return Response.status(409).entity(Map.of("error", busy.getMessage(), "reason", "import_running"))
                    .build();
        }
        LOG.errorf("directory: %s failed: %s", what, LoggedText.of(String.valueOf(e.getCause())));
        return Response.status(500).entity(Map.of("error", what + " failed; the directory is unchanged")).build();
    }

    private static Map<String, Object> shown(AddedProfessionals.Added professional) {
        DirectoryEntry first = professional.entries().get(0);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("idNat", professional.idNat());
        shown.put("lastName", first.field(NationalColumn.NOM_EXERCICE));
        shown.put("firstName", first.field(NationalColumn.PRENOM_EXERCICE));
        shown.put("activities", professional.entries().stream().map(entry -> {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("profession", entry.field(NationalColumn.CODE_PROFESSION));
            activity.put("category", entry.field(NationalColumn.CODE_CATEGORIE_PROFESSIONNELLE));
            activity.put("mode", entry.field(NationalColumn.CODE_MODE_EXERCICE));
            activity.put("sector", entry.field(NationalColumn.CODE_SECTEUR_ACTIVITE));
            activity.put("structure", entry.field(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE));
            activity.put("structureName", entry.field(NationalColumn.RAISON_SOCIALE_SITE));
            return activity;
        }).toList());
        shown.put("addedAt", professional.addedAt().toString());
        shown.put("source", professional.source());
        return shown;
    }

    private static List<Map<String, Object>> problems(List<org.pscfederator.directory.LineProblem> problems) {
        return problems.stream().limit(PROBLEMS_SHOWN)
                .map(problem -> Map.<String, Object>of("line", problem.line(), "severity", problem.severity().name(),
                        "reason", problem.reason()))
                .toList();
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
        body.put("problems", problems(report.problems()));
        return body;
    }

    @Override
    public void close() {
    }
}
