package dev.omnigraph.console.runtime;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what is left of a known secret when something wrote it in pieces: a wire log that breaks
 * a header at its buffer's end, a message cut to a width, a value printed over two log records.
 * In every run of secret-alphabet characters (letters, digits, {@code + / _ ~ % -}), a part of at
 * least {@value #MIN_FRAGMENT} characters is masked when it is
 * <ul>
 *   <li>the whole run and found inside a known secret (a middle piece),</li>
 *   <li>at the run's end and the beginning of a known secret (the first piece),</li>
 *   <li>at the run's start and the end of a known secret (the last piece).</li>
 * </ul>
 * Shorter pieces stay: a few characters of a random secret give nothing away, and masking them
 * would mask ordinary words.
 */
final class SecretFragments {
    /** The shortest piece of a secret that is masked on its own. */
    static final int MIN_FRAGMENT = 8;

    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/_~%-]{" + MIN_FRAGMENT + ",}");
    private static final String MASK_WORD = "redacted";

    private SecretFragments() {}

    /** {@code text} with the pieces of {@code known} secrets masked. */
    static String mask(String text, List<String> known) {
        if (known.isEmpty()) {
            return text;
        }
        Matcher runs = RUN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (runs.find()) {
            String run = runs.group();
            String masked = run.equals(MASK_WORD) ? run : maskRun(run, known);
            if (!masked.equals(run)) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, runs.start()).append(masked);
                copied = runs.end();
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static String maskRun(String run, List<String> known) {
        int head = 0;
        int tail = 0;
        for (String secret : known) {
            if (secret.length() <= MIN_FRAGMENT) {
                continue;
            }
            if (secret.contains(run)) {
                return Redactor.MASK;
            }
            tail = Math.max(tail, beginningAtEnd(run, secret));
            head = Math.max(head, endAtStart(run, secret));
        }
        if (head == 0 && tail == 0) {
            return run;
        }
        if (head + tail >= run.length()) {
            return Redactor.MASK;
        }
        return (head > 0 ? Redactor.MASK : "") + run.substring(head, run.length() - tail) + (tail > 0 ? Redactor.MASK : "");
    }

    /** The length of the longest beginning of {@code secret} (at least {@value #MIN_FRAGMENT}) that ends {@code run}, or 0. */
    private static int beginningAtEnd(String run, String secret) {
        int longest = Math.min(run.length(), secret.length() - 1);
        for (int length = longest; length >= MIN_FRAGMENT; length--) {
            int from = run.length() - length;
            if (run.charAt(from) == secret.charAt(0) && run.regionMatches(from, secret, 0, length)) {
                return length;
            }
        }
        return 0;
    }

    /** The length of the longest end of {@code secret} (at least {@value #MIN_FRAGMENT}) that starts {@code run}, or 0. */
    private static int endAtStart(String run, String secret) {
        int longest = Math.min(run.length(), secret.length() - 1);
        char last = secret.charAt(secret.length() - 1);
        for (int length = longest; length >= MIN_FRAGMENT; length--) {
            if (run.charAt(length - 1) == last && run.regionMatches(0, secret, secret.length() - length, length)) {
                return length;
            }
        }
        return 0;
    }
}
