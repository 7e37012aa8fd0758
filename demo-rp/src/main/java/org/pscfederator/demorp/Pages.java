package org.pscfederator.demorp;

/** The demo's pages, in French as a professional reads them. Every value from outside is HTML-escaped. */
final class Pages {

    private Pages() {
    }

    static String home(boolean loggedOut) {
        return page("Démonstration", (loggedOut ? "<p class=\"info\">Vous êtes déconnecté.</p>" : "")
                + "<p>Ce service de démonstration montre comment un service en ligne connecte un professionnel de santé "
                + "avec Pro Santé Connect (carte CPS ou e-CPS).</p>"
                + "<p><a class=\"button\" href=\"/login\">Se connecter avec Pro Santé Connect</a></p>");
    }

    static String professional(Professional professional, String rawClaims) {
        StringBuilder body = new StringBuilder();
        body.append("<h2>").append(escape(professional.givenName())).append(' ')
                .append(escape(professional.familyName())).append("</h2>");
        body.append("<dl><dt>Identifiant national (idNat)</dt><dd id=\"idnat\">")
                .append(escape(professional.idNat())).append("</dd></dl>");
        body.append("<h3>Exercices professionnels</h3>");
        if (professional.practices().isEmpty()) {
            body.append("<p>Aucun exercice transmis.</p>");
        }
        for (Professional.Practice practice : professional.practices()) {
            body.append("<section class=\"practice\"><p><strong>Profession :</strong> ")
                    .append(escape(practice.profession())).append("<br><strong>Catégorie :</strong> ")
                    .append(escape(practice.category()));
            if (!practice.specialty().isEmpty()) {
                body.append("<br><strong>Savoir-faire :</strong> ").append(escape(practice.specialty()));
            }
            body.append("</p><table><tr><th>Structure</th><th>Identifiant</th><th>Secteur d'activité</th>"
                    + "<th>Mode d'exercice</th><th>Localité</th></tr>");
            for (Professional.Activity activity : practice.activities()) {
                body.append("<tr><td>").append(escape(activity.structure())).append("</td><td>")
                        .append(escape(activity.structureId())).append("</td><td>").append(escape(activity.sector()))
                        .append("</td><td>").append(escape(activity.mode())).append("</td><td>")
                        .append(escape(activity.town())).append("</td></tr>");
            }
            body.append("</table></section>");
        }
        body.append("<details><summary>Toutes les informations reçues (userinfo signé, vérifié)</summary><pre>")
                .append(escape(rawClaims)).append("</pre></details>");
        body.append("<form method=\"post\" action=\"/logout\"><button type=\"submit\">Se déconnecter</button></form>");
        return page("Professionnel connecté", body.toString());
    }

    static String error(String what, String code) {
        return page("Connexion refusée", "<p class=\"error\">" + escape(what) + "</p>"
                + (code == null ? "" : "<p>Code : <code>" + escape(code) + "</code></p>")
                + "<p><a href=\"/\">Retour à l'accueil</a></p>");
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8"><title>%s – service de démonstration PSC</title>
                <style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
                table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
                .button{background:#0063cb;color:#fff;padding:.6em 1em;text-decoration:none;border-radius:4px}
                .error{color:#b00}.info{color:#060}pre{white-space:pre-wrap;font-size:.85em}</style></head>
                <body><h1>%s</h1>%s<footer><p><small>Service de démonstration : intégration de référence de
                Pro Santé Connect, pour les éditeurs.</small></p></footer></body></html>
                """.formatted(escape(title), escape(title), body);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
