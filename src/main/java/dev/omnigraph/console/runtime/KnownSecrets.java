package dev.omnigraph.console.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a {@link Redactor} knows by value, each with its URL-encoded and base64 forms, and
 * the exact masking of them:
 * <ul>
 *   <li>a value of {@value Redactor#MIN_SECRET_LENGTH} characters or more is masked wherever it
 *       occurs, also inside a longer word and also when a line break (with indentation) splits it;</li>
 *   <li>a shorter one (a short MinIO access key, a test password) is masked where it stands as a
 *       word of its own, so that the same letters inside ordinary words survive;</li>
 *   <li>what is left of a known secret split across two log records is masked by
 *       {@link SecretFragments}.</li>
 * </ul>
 * Thread-safe; values live in memory only.
 */
final class KnownSecrets {
    private static final String LINE_BREAK = "(?:[ \\t]*\\R[ \\t]*)?";
    private static final Pattern BREAK_WITH_INDENT = Pattern.compile("[ \\t]*\\R[ \\t]*");
    private static final Pattern LINE_END = Pattern.compile("[^\\r\\n]");

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private final Map<String, Pattern> wordPatterns = new ConcurrentHashMap<>();
    private final Map<String, Pattern> splitPatterns = new ConcurrentHashMap<>();
    private volatile List<String> longestFirst = List.of();

    /** Registers {@code value} (already stripped, long enough) with its encoded forms. */
    void add(String value) {
        boolean changed = values.add(value);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!encoded.equals(value)) {
            changed |= values.add(encoded);
        }
        // the base64 form too (HTTP basic credentials, encoded configuration), with and without padding
        String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        changed |= values.add(base64);
        changed |= values.add(base64.replace("=", ""));
        if (changed) {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            longestFirst = List.copyOf(sorted);
        }
    }

    int size() {
        return values.size();
    }

    /** Every known form, longest first. */
    List<String> longestFirst() {
        return longestFirst;
    }

    /** {@code text} with every known value masked (whole, word-bounded when short, across line breaks). */
    String mask(String text) {
        List<String> known = longestFirst;
        String out = text;
        for (String secret : known) {
            if (secret.length() >= Redactor.MIN_SECRET_LENGTH) {
                out = out.replace(secret, Redactor.MASK);
            } else if (out.contains(secret)) {
                out = wordPattern(secret).matcher(out).replaceAll(Matcher.quoteReplacement(Redactor.MASK));
            }
        }
        if (out.indexOf('\n') >= 0 || out.indexOf('\r') >= 0) {
            out = maskAcrossLineBreaks(out, known);
        }
        return out;
    }

    /**
     * A secret that a line break splits ({@code "token=IQoJb3Jp\n   ZXIvc2Vj…"}: a wrapped header,
     * a folded message, base64 in 76-character lines) is masked as a whole; the line breaks stay.
     */
    private String maskAcrossLineBreaks(String text, List<String> known) {
        String joined = BREAK_WITH_INDENT.matcher(text).replaceAll("");
        String out = text;
        for (String secret : known) {
            if (secret.length() >= Redactor.MIN_SECRET_LENGTH && joined.contains(secret)) {
                out = splitPattern(secret).matcher(out)
                        .replaceAll(m -> Matcher.quoteReplacement(Redactor.MASK + LINE_END.matcher(m.group()).replaceAll("")));
            }
        }
        return out;
    }

    private Pattern wordPattern(String secret) {
        return wordPatterns.computeIfAbsent(secret,
                s -> Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(s) + "(?![A-Za-z0-9])"));
    }

    private Pattern splitPattern(String secret) {
        return splitPatterns.computeIfAbsent(secret, s -> {
            StringBuilder regex = new StringBuilder(s.length() * (LINE_BREAK.length() + 6));
            for (int i = 0; i < s.length(); i++) {
                if (i > 0) {
                    regex.append(LINE_BREAK);
                }
                regex.append(Pattern.quote(String.valueOf(s.charAt(i))));
            }
            return Pattern.compile(regex.toString());
        });
    }
}
