package dev.omnigraph.console.prefs;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of what the preferences file remembers: a URI typed as
 * {@code http://KEY:SECRET@host} or {@code s3://bucket/x?X-Amz-Security-Token=...} is stored
 * without its user-info and without its query and fragment (a storage root or endpoint never
 * needs them). Plain paths are left as they are.
 */
final class UriCredentials {
    /** {@code user:password@}, where a secret key may itself contain '/' and '+' (so up to the last '@'). */
    private static final Pattern USER_AND_PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@:]*:[^?#]*@");
    /** {@code user@} alone (a token passed as the user name). */
    private static final Pattern USER_ONLY = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");

    private UriCredentials() {}

    static String strip(String value) {
        if (value == null || !value.contains("://")) {
            return value;
        }
        String out = USER_ONLY.matcher(USER_AND_PASSWORD.matcher(value).replaceFirst("$1")).replaceFirst("$1");
        int cut = indexOfAny(out, '?', '#');
        return cut < 0 ? out : out.substring(0, cut);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
