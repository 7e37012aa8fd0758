package org.pscfederator.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pscfederator.core.claims.PscClaim;

/**
 * The claims PSC puts in userinfo for a professional, built from their directory lines. Absent values are empty
 * strings, never missing keys: relying services parse this exact shape.
 */
public final class PscUserInfoClaims {

    /** OID of the profession nomenclature in {@code SubjectRole} (TRE-G15), as PSC sends it. */
    static final String PROFESSION_OID = "1.2.250.1.213.1.1.5.5";
    /** OID of the sector nomenclature in {@code Secteur_Activite} (TRE-R02), as PSC sends it. */
    static final String SECTOR_OID = "1.2.250.1.71.4.2.4";
    private static final String ACTIVITY_PATH = "SubjectRefPro.exercices[].activities[].";

    private PscUserInfoClaims() {
    }

    public static Map<String, Object> of(List<List<String>> lines) {
        List<ActivityLine> parsed = new ArrayList<>(lines.size());
        for (List<String> line : lines) {
            parsed.add(ActivityLine.of(line));
        }
        Professional professional = Professional.of(parsed);
        List<ActivityLine> activities = professional.activities();
        ActivityLine main = activities.isEmpty() ? null : activities.get(0);

        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(PscClaim.SUBJECT_NAME_ID.wire(), professional.idNat().value());
        claims.put(PscClaim.SUBJECT_ORGANIZATION.wire(), main == null ? "" : main.get(NationalColumn.RAISON_SOCIALE_SITE));
        claims.put(PscClaim.SUBJECT_ORGANIZATION_ID.wire(), main == null ? "" : main.get(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE));
        claims.put(PscClaim.SUBJECT_ROLE.wire(), roles(professional));
        String sector = main == null ? "" : main.get(NationalColumn.CODE_SECTEUR_ACTIVITE);
        claims.put(PscClaim.SECTEUR_ACTIVITE.wire(), sector.isEmpty() ? "" : sector + "^" + SECTOR_OID);
        claims.put(PscClaim.OTHER_IDS.wire(), List.of(Map.of("identifiant", professional.idNat().value(),
                "origine", professional.idNat().origine(), "qualite", 1)));
        Map<String, Object> refPro = new LinkedHashMap<>();
        refPro.put("codeCivilite", professional.codeCivilite());
        refPro.put("exercices", exercices(professional));
        claims.put(PscClaim.SUBJECT_REF_PRO.wire(), refPro);
        return claims;
    }

    private static List<String> roles(Professional professional) {
        Set<String> roles = new LinkedHashSet<>();
        for (Exercice exercice : professional.exercices()) {
            if (!exercice.codeProfession().isEmpty()) {
                roles.add(exercice.codeProfession() + "^" + PROFESSION_OID);
            }
        }
        return List.copyOf(roles);
    }

    private static List<Map<String, Object>> exercices(Professional professional) {
        List<Map<String, Object>> exercices = new ArrayList<>();
        for (Exercice exercice : professional.exercices()) {
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("codeProfession", exercice.codeProfession());
            claim.put("codeCategorieProfessionnelle", exercice.codeCategorieProfessionnelle());
            claim.put("codeCiviliteDexercice", exercice.codeCiviliteDexercice());
            claim.put("nomDexercice", exercice.nomDexercice());
            claim.put("prenomDexercice", exercice.prenomDexercice());
            claim.put("codeTypeSavoirFaire", exercice.codeTypeSavoirFaire());
            claim.put("codeSavoirFaire", exercice.codeSavoirFaire());
            List<Map<String, String>> activities = new ArrayList<>();
            for (ActivityLine line : exercice.activities()) {
                activities.add(activity(line));
            }
            claim.put("activities", activities);
            exercices.add(claim);
        }
        return exercices;
    }

    /** Every column that feeds an activity claim, under its PSC name (NationalColumn knows the mapping). */
    private static Map<String, String> activity(ActivityLine line) {
        Map<String, String> activity = new LinkedHashMap<>();
        for (NationalColumn column : NationalColumn.values()) {
            column.pscClaim().filter(path -> path.startsWith(ACTIVITY_PATH))
                    .ifPresent(path -> activity.put(path.substring(ACTIVITY_PATH.length()), line.get(column)));
        }
        return activity;
    }
}
