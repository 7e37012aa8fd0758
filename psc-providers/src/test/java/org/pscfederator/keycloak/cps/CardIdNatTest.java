package org.pscfederator.keycloak.cps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscfederator.testpki.TestPki;

/**
 * The idNat of a card is what the realm's pattern finds in its CN, when it has an idNat's shape. The card path had
 * its own shape, which took lower case (no directory lookup could find it) and refused the staff identifiers with
 * '-' or '_' that the directory imports; it now uses the one IdNat.
 */
@Tag("psc-card-login")
class CardIdNatTest {

    private static final Pattern WHOLE_CN = Pattern.compile("^(.+)$");

    @TempDir
    static Path folder;
    private static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.createOrOpen(folder.resolve("pki"));
    }

    @Test
    void theWholeCnIsTheIdNatByDefault() {
        assertThat(CardIdNat.of(card("899700366240"), WHOLE_CN)).hasValue("899700366240");
        assertThat(CardIdNat.of(card("3500000001815646/CPAT00045"), WHOLE_CN)).hasValue("3500000001815646/CPAT00045");
    }

    @Test
    void aStaffIdentifierTheDirectoryImportsIsReadFromTheCard() {
        assertThat(CardIdNat.of(card("3500000001815646/CPAT-0045"), WHOLE_CN)).hasValue("3500000001815646/CPAT-0045");
    }

    @Test
    void aCnThatIsNotAnIdNatGivesNone() {
        assertThat(CardIdNat.of(card("3500000001815646/cpat00045"), WHOLE_CN)).isEmpty();
        assertThat(CardIdNat.of(card("899700366240 x"), WHOLE_CN)).isEmpty();
        assertThat(CardIdNat.of(card("8".repeat(41)), WHOLE_CN)).isEmpty();
    }

    private static java.security.cert.X509Certificate card(String commonName) {
        return pki.issueCraftedCard(commonName, null).certificate();
    }
}
