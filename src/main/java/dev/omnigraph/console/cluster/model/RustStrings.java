package dev.omnigraph.console.cluster.model;

import java.util.Comparator;

/**
 * String rules that must match Rust's standard library exactly because upstream digests and
 * validations depend on them: {@code str::trim} (Unicode {@code White_Space}), and the ordering of
 * {@code String}/{@code BTreeMap<String, _>} keys (byte-wise UTF-8 = code point order, which
 * differs from {@link String#compareTo} for supplementary characters).
 */
public final class RustStrings {

    /** Orders strings like Rust's {@code Ord for str}: by Unicode code point (= UTF-8 bytes). */
    public static final Comparator<String> CODE_POINT_ORDER = RustStrings::compareCodePoints;

    private RustStrings() {
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Rust {@code char::is_whitespace}: the Unicode {@code White_Space} property. */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    /** Rust {@code str::trim}. */
    static String trim(String s) {
        return trimEnd(trimStart(s));
    }

    /** Rust {@code str::trim_start}. */
    static String trimStart(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isWhitespace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i);
    }

    /** Rust {@code str::trim_end}. */
    static String trimEnd(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isWhitespace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** Rust {@code str::trim_end_matches(c)} for a single ASCII char. */
    static String trimEndMatches(String s, char c) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Rust {@code str::trim_start_matches(prefix)}: strips the prefix repeatedly. */
    static String trimStartMatches(String s, String prefix) {
        if (prefix.isEmpty()) {
            return s;
        }
        String rest = s;
        while (rest.startsWith(prefix)) {
            rest = rest.substring(prefix.length());
        }
        return rest;
    }

    /** True when the string contains a UTF-16 surrogate that is not part of a valid pair. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
