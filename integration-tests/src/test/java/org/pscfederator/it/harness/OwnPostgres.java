package org.pscfederator.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server of the test's own, in a temporary folder on a port of its own, that the test may
 * restart: never the shared one. initdb refuses root, so as root it runs as the {@code postgres} user.
 */
public final class OwnPostgres implements AutoCloseable {

    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path folder;
    private final int port;

    private OwnPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** Why one cannot be started here, or null when it can. */
    public static String unavailableReason() {
        return binaries() == null ? "no PostgreSQL server programs in " + VERSIONS + " (apt-get install postgresql)"
                : null;
    }

    /** initdb, then start, with trust authentication on 127.0.0.1 for user postgres. */
    public static OwnPostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        if (bin == null) {
            throw new IllegalStateException(unavailableReason());
        }
        Path folder = Files.createTempDirectory("psc-own-pg-");
        if (isRoot()) {
            UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(folder, users.lookupPrincipalByName("postgres"));
        }
        OwnPostgres postgres = new OwnPostgres(bin, folder, FreePort.find());
        postgres.run(bin.resolve("initdb").toString(), "-D", postgres.data().toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--no-sync");
        postgres.pgCtl("start");
        return postgres;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabase(String name) throws IOException, InterruptedException {
        run(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "-d", "postgres", "-c", "CREATE DATABASE " + name);
    }

    /** Stops the server at once (in-flight queries get an error) and starts it again, as an operator's restart. */
    public void restart() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "fast");
        pgCtl("start");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pgCtl("stop", "-m", "immediate");
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private Path data() {
        return folder.resolve("data");
    }

    private void pgCtl(String action, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), action, "-D",
                data().toString(), "-w", "-t", "60", "-l", folder.resolve("server.log").toString()));
        command.addAll(List.of(more));
        if (action.equals("start")) {
            command.addAll(List.of("-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 "
                    + "-c fsync=off"));
        }
        run(command.toArray(String[]::new));
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() {
        if (!Files.isDirectory(VERSIONS)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(folder -> Files.isExecutable(folder.resolve("initdb")))
                    .max(Comparator.comparing(folder -> Integer.parseInt(folder.getParent().getFileName().toString()
                            .replaceAll("\\D", "0")))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
