package org.pscfederator.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pscfederator.core.establishments.EstablishmentRefusal;

/** Every refusal a page shows has its message in the login theme, in French and in English. */
class RefusalMessagesTest {

    private static final Path MESSAGES = Path.of("../themes/src/main/resources/theme/psc/login/messages");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyRefusalShownOnAPageHasItsMessage(String language) throws IOException {
        Properties messages = new Properties();
        try (Reader in = Files.newBufferedReader(MESSAGES.resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        Stream.<Refusal[]>of(CardRefusal.values(), EcpsRefusal.values(), EstablishmentRefusal.values())
                .flatMap(Stream::of)
                .forEach(refusal -> assertThat(messages.getProperty(refusal.messageKey()))
                        .as("%s in messages_%s", refusal.messageKey(), language).isNotBlank());
    }
}
