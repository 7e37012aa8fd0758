package org.pscfederator.keycloak.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The claims as the space shows them: every value, in order, objects and lists opened. */
@Tag("psc-space")
class ClaimNodeTest {

    @Test
    void nestedClaimsKeepEveryValueInOrder() {
        Map<String, Object> exercice = new LinkedHashMap<>();
        exercice.put("codeProfession", "50");
        exercice.put("activities", List.of(Map.of("raisonSocialeSite", "CH TEST")));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("SubjectNameID", "899900000219");
        claims.put("SubjectRefPro", Map.of("exercices", List.of(exercice)));
        claims.put("codeCivilite", null);

        List<ClaimNode> nodes = ClaimNode.of(claims);

        assertThat(nodes).extracting(ClaimNode::getName).containsExactly("SubjectNameID", "SubjectRefPro",
                "codeCivilite");
        assertThat(nodes.get(0).isLeaf()).isTrue();
        assertThat(nodes.get(0).getValue()).isEqualTo("899900000219");
        assertThat(nodes.get(2).getValue()).as("a null claim is shown empty, not dropped").isEmpty();
        ClaimNode first = nodes.get(1).getChildren().get(0).getChildren().get(0);
        assertThat(first.getName()).as("list items are numbered from 1").isEqualTo("1");
        assertThat(first.getChildren()).extracting(ClaimNode::getName).containsExactly("codeProfession",
                "activities");
        assertThat(first.getChildren().get(1).getChildren().get(0).getChildren().get(0).getValue())
                .isEqualTo("CH TEST");
    }
}
