package org.pscfederator.directorycli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.pscfederator.directory.ImportReport;
import org.pscfederator.directory.NationalFileReader;
import org.pscfederator.directory.StaffFileReader;
import org.pscfederator.directorystore.DirectoryImporter;
import org.pscfederator.directorystore.DirectoryStore;
import org.pscfederator.directorystore.ImportAlreadyRunningException;
import org.pscfederator.directorystore.ImportOutcome;
import org.pscfederator.cli.OneLine;

/**
 * Imports straight into the federator's database with the server's own import code (streamed, COPY on PostgreSQL):
 * the way for a national-size file, which is larger than the server accepts in one request.
 */
final class DatabaseImport {

    private final ImportOptions options;
    private final Output output;

    DatabaseImport(ImportOptions options, Output output) {
        this.options = options;
        this.output = output;
    }

    ImportResult run() throws IOException {
        long started = System.nanoTime();
        DirectoryStore store = new DirectoryStore(dataSource());
        try {
            store.migrate();
        } catch (SQLException e) {
            return ImportResult.failed("cannot open the directory in the database: " + OneLine.of(e), elapsed(started));
        }
        long size = Files.size(options.file());
        output.progress("psc-directory: importing " + options.file() + " (" + (size >> 20) + " MB) into the "
                + options.directoryName() + " directory of " + redacted(options.dbUrl()));
        DirectoryImporter importer = new DirectoryImporter(store, NationalFileReader.standard(),
                StaffFileReader.standard());
        CountDownLatch done = new CountDownLatch(1);
        try (HeapWatch heap = new HeapWatch(); InputStream file = Files.newInputStream(options.file());
                ProgressStream stream = new ProgressStream(file);
                ProgressReporter reporter = output.reporter(stream, size, "read")) {
            Thread interruption = new Thread(() -> {
                // Ctrl-C: stop reading, and let the import abandon its rows and give its lock back before exiting.
                stream.cancel();
                try {
                    done.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "psc-directory-interrupt");
            Runtime.getRuntime().addShutdownHook(interruption);
            try {
                ImportOutcome outcome = options.staff() ? importer.importStaff(stream, options.source())
                        : importer.importNational(stream, options.source());
                return result(outcome, elapsed(started), heap);
            } catch (ImportAlreadyRunningException e) {
                return ImportResult.failed(e.getMessage() + "; nothing was changed", elapsed(started));
            } catch (InterruptedIOException e) {
                return ImportResult.failed("interrupted; the previous directory is kept", elapsed(started));
            } catch (SQLException e) {
                return ImportResult.failed("the database failed: " + OneLine.of(e)
                        + "; the previous directory is kept", elapsed(started));
            } finally {
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(interruption);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for done, counted down above
                }
            }
        }
    }

    private static ImportResult result(ImportOutcome outcome, double seconds, HeapWatch heap) {
        ImportReport report = outcome.report();
        List<ImportResult.Problem> problems = report.problems().stream()
                .map(p -> new ImportResult.Problem(p.line(), p.severity().name(), p.reason())).toList();
        return new ImportResult(outcome.activated(), outcome.activated() ? null : "file refused: " + outcome.reason(),
                report.linesRead(), report.activities(), report.professionals(), report.errors(), report.warnings(),
                problems, seconds, heap.peakBytes(), heap.maxBytes());
    }

    private DataSource dataSource() {
        String password = System.getenv("PSC_DB_PASSWORD");
        if (options.dbUrl().startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(options.dbUrl());
            if (options.dbUsername() != null) {
                postgres.setUser(options.dbUsername());
            }
            if (password != null) {
                postgres.setPassword(password);
            }
            postgres.setConnectTimeout(10);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(options.dbUrl());
        h2.setUser(options.dbUsername() == null ? "" : options.dbUsername());
        h2.setPassword(password == null ? "" : password);
        return h2;
    }

    /** The URL without its parameters, which may hold credentials. */
    static String redacted(String url) {
        int cut = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = url.indexOf(separator);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }

    private static double elapsed(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
