package org.pscfederator.demorp;

import java.util.ArrayList;
import java.util.List;

import org.pscfederator.directory.NomenclatureTable;
import org.pscfederator.directory.Nomenclatures;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The professional as a relying service reads PSC's userinfo: name, national identifier ({@code SubjectNameID}, the
 * idNat), and per practice ({@code SubjectRefPro.exercices}) the profession and the activities (where and how they
 * practise). Codes are PSC's nomenclatures (TRE-G15 professions, TRE-R02 sectors, TRE-R23 modes); labels are added
 * for reading, the codes are what a relying service should store. Absent values are empty strings in PSC's claims.
 */
record Professional(String givenName, String familyName, String idNat, List<Practice> practices) {

    record Practice(String profession, String category, String specialty, List<Activity> activities) {
    }

    record Activity(String structure, String structureId, String sector, String mode, String town) {
    }

    static Professional from(JsonNode userinfo) {
        List<Practice> practices = new ArrayList<>();
        for (JsonNode exercice : userinfo.path("SubjectRefPro").path("exercices")) {
            List<Activity> activities = new ArrayList<>();
            for (JsonNode activity : exercice.path("activities")) {
                activities.add(new Activity(activity.path("raisonSocialeSite").asText(""),
                        activity.path("identifiantTechniqueDeLaStructure").asText(""),
                        labelled(NomenclatureTable.SECTEUR_ACTIVITE, activity.path("codeSecteurDactivite").asText("")),
                        labelled(NomenclatureTable.MODE_EXERCICE, activity.path("codeModeExercice").asText("")),
                        activity.path("bureauCedex").asText("")));
            }
            practices.add(new Practice(
                    labelled(NomenclatureTable.PROFESSION, exercice.path("codeProfession").asText("")),
                    labelled(NomenclatureTable.CATEGORIE_PROFESSIONNELLE,
                            exercice.path("codeCategorieProfessionnelle").asText("")),
                    exercice.path("codeSavoirFaire").asText(""), activities));
        }
        return new Professional(userinfo.path("given_name").asText(""), userinfo.path("family_name").asText(""),
                userinfo.path("SubjectNameID").asText(""), practices);
    }

    /** "10 (Médecin)", or the code alone when the nomenclature does not know it. */
    static String labelled(NomenclatureTable table, String code) {
        if (code.isEmpty()) {
            return "";
        }
        return Nomenclatures.standard().label(table, code).map(label -> code + " (" + label + ")").orElse(code);
    }
}
