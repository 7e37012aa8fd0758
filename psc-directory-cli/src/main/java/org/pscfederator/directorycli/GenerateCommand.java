package org.pscfederator.directorycli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pscfederator.cli.HelpOption;
import org.pscfederator.cli.UsageText;
import org.pscfederator.directory.SyntheticNationalFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code psc-directory generate FILE [--professionals N] [--lines M] [--seed S]}: a synthetic national file. */
@Command(name = "generate")
final class GenerateCommand implements Callable<Integer>, UsageText {

    @Mixin
    HelpOption help;
    @Parameters(paramLabel = "FILE")
    Path file;
    private long professionals = SyntheticNationalFile.DEFAULT_PROFESSIONALS;
    private long lines = SyntheticNationalFile.DEFAULT_LINES;
    private long seed = SyntheticNationalFile.DEFAULT_SEED;
    @ParentCommand
    DirectoryCommand root;

    @Option(names = "--professionals")
    void professionals(String text) {
        professionals = number(text, "--professionals");
    }

    @Option(names = "--lines")
    void lines(String text) {
        lines = number(text, "--lines");
    }

    @Option(names = "--seed")
    void seed(String text) {
        seed = number(text, "--seed");
    }

    @Override
    public String usageText() {
        return DirectoryCommand.HELP;
    }

    @Override
    public Integer call() throws IOException {
        SyntheticNationalFile generator;
        try {
            generator = new SyntheticNationalFile(professionals, lines, seed);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        long started = System.nanoTime();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        generator.writeTo(partial);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        root.out.println(String.format(Locale.ROOT, "psc-directory: wrote %s: %,d professionals, %,d lines (seed %d), "
                + "%d MB in %.1f s", file, professionals, lines, seed, Files.size(file) >> 20,
                (System.nanoTime() - started) / 1e9));
        return DirectoryCommand.OK;
    }

    /** Digits, with {@code _} allowed between them for readable sizes (1_200_000). */
    private static long number(String text, String option) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException(option + " needs a number");
        }
    }
}
