package org.pscfederator.directory;

/**
 * What makes two national-file lines the same activity: the professional, the exercice (profession and
 * savoir-faire), the site, and how they work there. Everything PSC shows of an activity apart from the site's address
 * and contact details is here, so two lines with the same key would give two identical activities in the claims.
 *
 * <p>The site is its technical identifier and also its SIRET, FINESS and name: PSC's own sandbox data leaves the
 * technical identifier empty for some activities, which those distinguish.
 */
public record ActivityKey(
        String idNat,
        String codeProfession,
        String codeTypeSavoirFaire,
        String codeSavoirFaire,
        String identifiantTechniqueStructure,
        String numeroSiretSite,
        String numeroFinessSite,
        String raisonSocialeSite,
        String codeModeExercice,
        String codeSecteurActivite,
        String codeFonction,
        String codeSectionTableauPharmaciens,
        String codeGenreActivite) {

    public static ActivityKey of(ActivityLine line) {
        return new ActivityKey(
                line.identificationNationalePp(),
                line.codeProfession(),
                line.codeTypeSavoirFaire(),
                line.codeSavoirFaire(),
                line.identifiantTechniqueStructure(),
                line.numeroSiretSite(),
                line.numeroFinessSite(),
                line.raisonSocialeSite(),
                line.codeModeExercice(),
                line.codeSecteurActivite(),
                line.codeFonction(),
                line.codeSectionTableauPharmaciens(),
                line.codeGenreActivite());
    }
}
