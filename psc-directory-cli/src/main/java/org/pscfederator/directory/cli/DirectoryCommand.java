package org.pscfederator.directory.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.pscfederator.directory.SyntheticNationalFile;

/**
 * {@code bin/psc-directory}: imports a national or staff file into the federator's directory, and writes synthetic
 * national-size files for the benchmark.
 */
public final class DirectoryCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String HELP = """
            usage: psc-directory COMMAND ...
              import FILE [options]   replace the national (or staff) directory with FILE; import --help for the options
              generate FILE [--professionals N] [--lines M] [--seed S]
                                      write a synthetic national file (default 1,200,000 professionals, 2,000,000 lines)
            """;

    private final PrintStream out;
    private final PrintStream err;

    DirectoryCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new DirectoryCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(HELP);
            return args.length == 0 ? USAGE : OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "import" -> importFile(rest);
                case "generate" -> generate(rest);
                default -> throw new UsageException("unknown command " + args[0] + " (import, generate)");
            };
        } catch (UsageException e) {
            err.println("psc-directory: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("psc-directory: error: " + Output.oneLine(e));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("psc-directory: interrupted");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("psc-directory: error: unexpected failure: " + e);
            return FAILED;
        }
    }

    private int importFile(String[] args) throws UsageException, IOException, InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            out.print(ImportOptions.HELP);
            return OK;
        }
        ImportOptions options = ImportOptions.parse(args);
        Output output = new Output(out, err, options.quiet());
        ImportResult result = options.direct() ? new DatabaseImport(options, output).run()
                : new ServerImport(options, output, adminPassword(options)).run();
        result.print(out, options.json());
        return result.activated() ? OK : FAILED;
    }

    private static char[] adminPassword(ImportOptions options) throws UsageException {
        String fromEnvironment = System.getenv("PSC_ADMIN_PASSWORD");
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        java.io.Console terminal = System.console();
        if (terminal != null) {
            char[] typed = terminal.readPassword("password of %s (master realm): ", options.adminUser());
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new UsageException("the admin password is needed: set PSC_ADMIN_PASSWORD (the sandbox's is admin)");
    }

    private int generate(String[] args) throws UsageException, IOException {
        Path file = null;
        long professionals = SyntheticNationalFile.DEFAULT_PROFESSIONALS;
        long lines = SyntheticNationalFile.DEFAULT_LINES;
        long seed = SyntheticNationalFile.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--professionals" -> professionals = number(args, ++i, "--professionals");
                case "--lines" -> lines = number(args, ++i, "--lines");
                case "--seed" -> seed = number(args, ++i, "--seed");
                default -> {
                    if (args[i].startsWith("-") || file != null) {
                        throw new UsageException("usage: psc-directory generate FILE [--professionals N] [--lines M]"
                                + " [--seed S]");
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            throw new UsageException("which file? usage: psc-directory generate FILE [--professionals N] [--lines M]");
        }
        SyntheticNationalFile generator;
        try {
            generator = new SyntheticNationalFile(professionals, lines, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        long started = System.nanoTime();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        generator.writeTo(partial);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        out.println(String.format(Locale.ROOT, "psc-directory: wrote %s: %,d professionals, %,d lines (seed %d), "
                + "%d MB in %.1f s", file, professionals, lines, seed, Files.size(file) >> 20,
                (System.nanoTime() - started) / 1e9));
        return OK;
    }

    private static long number(String[] args, int index, String option) throws UsageException {
        try {
            return Long.parseLong(args[index].replace("_", ""));
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new UsageException(option + " needs a number");
        }
    }
}
