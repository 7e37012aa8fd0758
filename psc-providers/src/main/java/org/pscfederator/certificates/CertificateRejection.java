package org.pscfederator.certificates;

/**
 * Why a certificate was refused: a code for events and logs, and what the person in front of the screen is told, in
 * French. The French text never says more than the person needs to fix it (card, reader, date).
 */
public enum CertificateRejection {
    NO_CERTIFICATE("no_certificate", "Aucun certificat n'a été présenté."),
    UNREADABLE("unreadable_certificate", "Le certificat présenté est illisible."),
    UNTRUSTED("untrusted_issuer", "Le certificat présenté n'a pas été émis par une autorité reconnue pour ce service."),
    EXPIRED("certificate_expired", "Le certificat de la carte a expiré."),
    NOT_YET_VALID("certificate_not_yet_valid", "Le certificat de la carte n'est pas encore valide."),
    WRONG_KEY_USAGE("wrong_key_usage", "Ce certificat ne sert pas à l'authentification."),
    POLICY_MISSING("policy_missing", "Ce certificat n'est pas un certificat d'authentification accepté par ce service."),
    REVOKED("certificate_revoked", "Le certificat de la carte a été révoqué."),
    REVOCATION_UNKNOWN("revocation_unknown",
            "L'état de révocation du certificat ne peut pas être vérifié pour le moment. Réessayez plus tard.");

    private final String code;
    private final String frenchMessage;

    CertificateRejection(String code, String frenchMessage) {
        this.code = code;
        this.frenchMessage = frenchMessage;
    }

    public String code() {
        return code;
    }

    public String frenchMessage() {
        return frenchMessage;
    }
}
