package org.pscfederator.bench;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a flow needs from Keycloak's login page HTML, without an HTML library. */
public final class LoginForm {
    private static final Pattern FORM_TAG = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Where Keycloak's themes put the message for the user (bad password, invalid request...). */
    private static final Pattern[] FEEDBACK = {
            Pattern.compile("id=\"input-error[^\"]*\"[^>]*>(.*?)</", Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
            Pattern.compile("class=\"[^\"]*kc-feedback-text[^\"]*\"[^>]*>(.*?)</span>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
            Pattern.compile("id=\"kc-error-message\"[^>]*>(.*?)</div>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
            Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
    };

    private LoginForm() {
    }

    /**
     * The {@code action} of the {@code <form id="kc-form-login">}, unescaped and resolved against the page.
     *
     * @return null when the page has no such form
     */
    public static URI action(String html, URI page) {
        Matcher form = FORM_TAG.matcher(html);
        while (form.find()) {
            String tag = form.group();
            if ("kc-form-login".equals(attribute(tag, "id"))) {
                String action = attribute(tag, "action");
                if (action == null || action.isBlank()) {
                    return null;
                }
                return page.resolve(unescape(action.trim()));
            }
        }
        return null;
    }

    /** Keycloak's message to the user on this page, as plain text, or null when there is none. */
    public static String feedback(String html) {
        for (Pattern pattern : FEEDBACK) {
            Matcher m = pattern.matcher(html);
            if (m.find()) {
                String text = unescape(TAG.matcher(m.group(1)).replaceAll(" ")).replaceAll("\\s+", " ").trim();
                if (!text.isEmpty()) {
                    return text.length() > 160 ? text.substring(0, 160) + "..." : text;
                }
            }
        }
        return null;
    }

    /** The value of an attribute in one start tag, quoted either way, not unescaped; null when absent. */
    static String attribute(String tag, String name) {
        Pattern p = Pattern.compile("\\s" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))",
                Pattern.CASE_INSENSITIVE);
        Matcher m = p.matcher(tag);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** HTML character references as Keycloak's templates write them: named basics and numeric ones. */
    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement;
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                replacement = codePoint(entity.substring(2), 16, m.group());
            } else if (entity.startsWith("#")) {
                replacement = codePoint(entity.substring(1), 10, m.group());
            } else {
                replacement = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String digits, int radix, String original) {
        try {
            return new String(Character.toChars(Integer.parseInt(digits, radix)));
        } catch (IllegalArgumentException e) {
            return original;
        }
    }
}
