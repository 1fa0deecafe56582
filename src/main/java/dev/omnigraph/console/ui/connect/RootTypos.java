package dev.omnigraph.console.ui.connect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A root that looks like a mistyped URI ({@code s3//bucket}, {@code s3:/bucket}, {@code s3:bucket},
 * {@code file:/x} with one slash) would otherwise be read as a relative folder under the working
 * directory: refuse it and say what it would have meant.
 */
final class RootTypos {
    /** A scheme-like word followed by a broken separator: "s3//", "s3:/x", "s3:x", "file:/x", "S3;//". */
    private static final Pattern BROKEN_SCHEME = Pattern.compile("^(s3|file|gs|az|https?)(//|:/(?!/)|:(?!/)|;//)(.*)$",
            Pattern.CASE_INSENSITIVE);

    private RootTypos() {}

    static void check(String typed, Path cwd) {
        if (typed == null) {
            return;
        }
        String text = typed.trim();
        Matcher m = BROKEN_SCHEME.matcher(text);
        if (!m.matches()) {
            return;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        throw new IllegalArgumentException("'" + text + "' looks like a mistyped " + scheme + ":// URI (it needs \"" + scheme
                + "://\"). As typed it would be the folder " + cwd.resolve(text).normalize() + ", and nothing was opened. Did you mean "
                + scheme + "://" + m.group(3).replaceFirst("^/+", "") + "?");
    }
}
