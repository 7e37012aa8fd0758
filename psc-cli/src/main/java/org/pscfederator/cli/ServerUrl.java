package org.pscfederator.cli;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import picocli.CommandLine.TypeConversionException;

/** The server a tool talks to as an administrator, and the realm it names: checked alike by every tool. */
public final class ServerUrl {

    private static final Pattern REALM = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private ServerUrl() {
    }

    /**
     * The server's https URL with its path prefix, without a trailing '/'. A plain http URL is refused: the admin
     * password and token would travel in clear.
     *
     * @throws TypeConversionException naming {@code --server}
     */
    public static URI https(String text) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("--server: not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new TypeConversionException("--server: not an https URL of the server: " + text);
        }
        return uri;
    }

    /** @throws TypeConversionException naming {@code --realm} */
    public static String realm(String text) {
        if (!REALM.matcher(text).matches()) {
            throw new TypeConversionException("--realm: not a realm name: " + text);
        }
        return text;
    }
}
