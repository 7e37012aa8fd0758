package org.pscfederator.core.ecps;

/**
 * The e-CPS device API's calls that the server holds open until something happens (the wait page's long poll and the
 * phone's {@code device/pending}), named once for the server that serves them and for the fronts that must give them
 * a connection each rather than a place in the queue of ordinary requests (docs/operations.md, docs/cluster.md).
 */
public final class HeldCalls {

    /** The device API's resource under a realm: {@code /realms/REALM/psc-ecps/...}. */
    public static final String RESOURCE = "psc-ecps";
    /** The phone's long poll for the request it must answer. */
    public static final String DEVICE_PENDING = "v1/device/pending";
    /** The wait page's long poll, followed by the request's id. */
    public static final String BROWSER_WAIT = "v1/browser/requests/";

    private HeldCalls() {
    }

    /**
     * A regular expression (POSIX extended and PCRE alike, as HAProxy's {@code path_reg} and nginx's {@code location ~}
     * take it) matching the path of a held call under {@code contextPath} (say {@code /auth}) in any realm.
     */
    public static String pathPattern(String contextPath) {
        String root = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
        return "^" + root + "/realms/[^/]+/" + RESOURCE + "/(" + DEVICE_PENDING + "|" + BROWSER_WAIT + "[^/]+)$";
    }
}
