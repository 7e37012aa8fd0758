package org.pscfederator.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The settings tables of a doc page, read as the tests that keep them true to the code need them. */
public final class DocTable {

    private DocTable() {
    }

    /**
     * The rows naming a {@code psc...} attribute in one part of the page: before its first second-level heading
     * when {@code section} is null, else under that heading up to the next one. Each row's cells, without the
     * surrounding pipes, stripped, by attribute.
     */
    public static Map<String, String[]> rows(Path doc, String section) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        Stream<String> part = section == null ? lines.stream()
                : lines.stream().dropWhile(line -> !line.equals(section)).skip(1);
        return part.takeWhile(line -> !line.startsWith("## ")).filter(line -> line.startsWith("| `psc"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split(" \\| "))
                        .map(String::strip).toArray(String[]::new))
                .collect(Collectors.toMap(cells -> cells[0].replace("`", ""), cells -> cells, (a, b) -> a,
                        LinkedHashMap::new));
    }
}
