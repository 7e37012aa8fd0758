package org.pscfederator.it.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pscfederator.it.harness.Launcher;

/**
 * The snippets' pages show the code their integration tests run: every code block after a
 * {@code <!-- source: PATH -->} line is that file, whole, and every source file of the snippet (its tests aside) is
 * shown. A change to one without the other fails here.
 */
@Tag("snippets")
class SnippetDocsTest {

    private static final Pattern SOURCE_BLOCK = Pattern.compile(
            "<!-- source: (\\S+) -->\\n```[a-z]*\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);

    @ParameterizedTest
    @CsvSource({"docs/snippets-spring-security.md, snippets/spring-security/src/main",
            "docs/snippets-python.md, snippets/python"})
    void thePageShowsEverySourceFileOfTheSnippetAsItIs(String page, String sources) throws IOException {
        Path root = Launcher.repoRoot();
        Map<String, String> shown = sourceBlocks(Files.readString(root.resolve(page), StandardCharsets.UTF_8));

        for (Map.Entry<String, String> block : shown.entrySet()) {
            Path file = root.resolve(block.getKey());
            assertThat(file).as(page + " shows " + block.getKey()).isRegularFile();
            assertThat(block.getValue()).as(page + " shows " + block.getKey() + " as it is")
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
        assertThat(shown.keySet()).as(page + " shows every source file of " + sources)
                .containsExactlyInAnyOrderElementsOf(sourceFiles(root, sources));
    }

    private static Map<String, String> sourceBlocks(String page) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher block = SOURCE_BLOCK.matcher(page);
        while (block.find()) {
            blocks.put(block.group(1), block.group(2));
        }
        return blocks;
    }

    private static List<String> sourceFiles(Path root, String folder) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().contains("__pycache__"))
                    .filter(file -> !file.getFileName().toString().startsWith("test_"))
                    .map(file -> root.relativize(file).toString()).sorted().toList();
        }
    }
}
