package org.pscfederator.core.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("psc-establishments")
class SubjectClaimsTest {

    @Test
    void subNamesTheLocalAccount() {
        assertThat(SubjectClaims.SUB.subject(Map.of("sub", "u-42")::get)).contains("u-42");
    }

    @Test
    void tenantAndObjectIdsNameAnEntraAccount() {
        Map<String, Object> claims = Map.of("sub", "pairwise", "tid", "t-1", "oid", "o-2");
        assertThat(SubjectClaims.TID_OID.subject(claims::get)).contains("t-1:o-2");
    }

    @Test
    void aMissingOrMalformedClaimNamesNoAccount() {
        Map<String, Object> claims = new HashMap<>();
        assertThat(SubjectClaims.SUB.subject(claims::get)).isEmpty();
        claims.put("sub", " ");
        assertThat(SubjectClaims.SUB.subject(claims::get)).isEmpty();
        claims.put("sub", 42);
        assertThat(SubjectClaims.SUB.subject(claims::get)).isEmpty();
        claims.put("sub", "a\nb");
        assertThat(SubjectClaims.SUB.subject(claims::get)).isEmpty();
        claims.put("sub", "x".repeat(256));
        assertThat(SubjectClaims.SUB.subject(claims::get)).isEmpty();
        assertThat(SubjectClaims.TID_OID.subject(Map.<String, Object>of("tid", "t-1")::get)).isEmpty();
        assertThat(SubjectClaims.TID_OID.subject(Map.<String, Object>of("tid", "t:1", "oid", "o")::get)).isEmpty();
    }
}
