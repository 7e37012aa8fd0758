package org.pscfederator.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a login page, a device or a CIBA request may send as an idNat: the shape only, upper-cased. */
@Tag("psc-ecps")
class TypedIdNatTest {

    @ParameterizedTest
    @ValueSource(strings = {"899700366240", " 899700366240 ", "0759960011", "3500000001815646/CPAT00045",
            "ans20240101120000"})
    void identifiersAreAcceptedUpperCased(String typed) {
        assertThat(IdNat.typed(typed)).hasValueSatisfying(value ->
                assertThat(value).isEqualTo(typed.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "899700366240' OR '1'='1", "<script>", "../../etc/passwd", "8997%00",
            "a/b/c", "/123", "123/", "899700366240\r\nX: y", "${jndi:ldap://x}",
            "1234567890123456789012345678901234567890123"})
    void anythingElseIsRefused(String typed) {
        assertThat(IdNat.typed(typed)).isEmpty();
    }

    /** The login pages used to refuse staff the directory imports: '-' or '_' inside, or a longer structure part. */
    @ParameterizedTest
    @ValueSource(strings = {"3500000001815646/CPAT-0045", "3500000001815646/CPAT_0045",
            "3123456789012345678901234567890/CPAT0045"})
    void everyStaffIdentifierTheDirectoryImportsCanBeTyped(String staff) {
        assertThat(IdNat.parse(staff).value()).isEqualTo(staff);
        assertThat(IdNat.typed(staff)).hasValue(staff);
    }

    /** Unknown prefixes and wrong keys get no hint at the login: the directory answers "not found" itself. */
    @Test
    void theShapeIsCheckedNotTheRegistry() {
        assertThat(IdNat.typed("999700366240")).hasValue("999700366240");
        assertThat(IdNat.typed("899700366241")).hasValue("899700366241");
    }
}
