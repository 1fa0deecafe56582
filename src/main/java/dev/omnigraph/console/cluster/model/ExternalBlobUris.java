package dev.omnigraph.console.cluster.model;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Normalization and validation of external Blob bases, following the engine's
 * {@code ExternalBlobBase::new} and {@code ExternalBlobPolicy::allow}/{@code validated}
 * ({@code crates/omnigraph/src/blob.rs}, {@code NormalizedExternalUri::parse}/{@code render}):
 * only {@code s3://bucket/...} and {@code file:///...} are accepted; no surrounding whitespace,
 * backslashes, credentials, port, query or fragment; no {@code .}/{@code ..} or empty path
 * components, no encoded separators; the bucket is lower-cased; path components are
 * percent-decoded and re-encoded (unreserved characters verbatim, everything else {@code %XX}
 * upper-case); a base always ends with {@code /}. {@code server_safe} bases may not be
 * {@code file://}; an {@code embedded_only} {@code file://} base must be an existing directory.
 * A policy's bases are sorted by URI then scope and may not overlap.
 *
 * <p>The URL parsing itself is a close, documented approximation of the {@code url} crate for
 * these two schemes, sufficient to reproduce the engine's normalized spelling for valid input.
 */
public final class ExternalBlobUris {

    /** Upper bound on a raw URI, {@code EXTERNAL_BLOB_URI_MAX_BYTES} in the engine. */
    public static final int MAX_URI_BYTES = 64 * 1024;

    /** A base or policy the engine would reject; the message says why. */
    public static final class InvalidExternalBlobException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidExternalBlobException(String message) {
            super(message);
        }
    }

    private record Parsed(String scheme, String authority, List<byte[]> path, boolean trailingSlash) {

        String baseUri() {
            StringBuilder uri = new StringBuilder(scheme.equals("file") ? "file://" : scheme + "://" + authority);
            uri.append('/');
            for (int i = 0; i < path.size(); i++) {
                if (i > 0) {
                    uri.append('/');
                }
                uri.append(encodeComponent(path.get(i)));
            }
            if (uri.charAt(uri.length() - 1) != '/') {
                uri.append('/');
            }
            return uri.toString();
        }

        boolean overlaps(Parsed other) {
            return scheme.equals(other.scheme) && authority.equals(other.authority)
                    && (startsWith(path, other.path) || startsWith(other.path, path));
        }

        private static boolean startsWith(List<byte[]> whole, List<byte[]> prefix) {
            if (prefix.size() > whole.size()) {
                return false;
            }
            for (int i = 0; i < prefix.size(); i++) {
                if (!Arrays.equals(whole.get(i), prefix.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private ExternalBlobUris() {
    }

    /** The engine's {@code ExternalBlobBase::new}: normalized base or the reason it is rejected. */
    public static ExternalBlobBase normalizeBase(String raw, ExternalBlobScope scope)
            throws InvalidExternalBlobException {
        Parsed lexical = parse(raw);
        if (scope == ExternalBlobScope.SERVER_SAFE && lexical.scheme.equals("file")) {
            throw new InvalidExternalBlobException("a file:// base can only be embedded_only, never server_safe");
        }
        if (lexical.scheme.equals("file")) {
            canonicalFileBase(lexical);
        }
        return new ExternalBlobBase(lexical.baseUri(), scope);
    }

    /** The engine's {@code ExternalBlobPolicy::allow}: re-normalizes, sorts and rejects overlaps. */
    public static ExternalBlobPolicy.Allow allow(List<ExternalBlobBase> bases) throws InvalidExternalBlobException {
        if (bases.isEmpty()) {
            throw new InvalidExternalBlobException("an allow policy needs at least one base");
        }
        List<ExternalBlobBase> normalized = new ArrayList<>();
        for (ExternalBlobBase base : bases) {
            normalized.add(normalizeBase(base.uri(), base.scope()));
        }
        normalized.sort(Comparator.comparing(ExternalBlobBase::uri, RustStrings.CODE_POINT_ORDER)
                .thenComparing(ExternalBlobBase::scope));
        List<Parsed> parts = new ArrayList<>();
        for (ExternalBlobBase base : normalized) {
            Parsed lexical = parse(base.uri());
            parts.add(lexical.scheme.equals("file") ? canonicalFileBase(lexical) : lexical);
        }
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                if (parts.get(i).overlaps(parts.get(j))) {
                    throw new InvalidExternalBlobException("bases '" + normalized.get(i).uri() + "' and '"
                            + normalized.get(j).uri() + "' overlap (one contains the other); keep only one of them");
                }
            }
        }
        return new ExternalBlobPolicy.Allow(normalized);
    }

    private static Parsed parse(String raw) throws InvalidExternalBlobException {
        rejectMalformedText(raw);
        int colon = raw.indexOf(':');
        if (colon <= 0 || !isScheme(raw.substring(0, colon))) {
            throw new InvalidExternalBlobException(
                    "the base is not an absolute URI (no scheme)");
        }
        String scheme = raw.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("s3") && !scheme.equals("file")) {
            throw new InvalidExternalBlobException(
                    "scheme `" + scheme + "` is not supported; use s3:// or file://");
        }
        String[] authorityAndPath = splitAuthority(scheme, raw.substring(colon + 1));
        String afterAuthority = authorityAndPath[1];
        if (indexOfAny(afterAuthority, "?#") >= 0) {
            throw new InvalidExternalBlobException("query strings and fragments (? or #) are not allowed");
        }
        String authority = host(scheme, authorityAndPath[0]);
        if (!afterAuthority.startsWith("/")) {
            throw new InvalidExternalBlobException("the base needs a path starting with /");
        }
        return new Parsed(scheme, authority, pathSegments(afterAuthority.substring(1)), afterAuthority.endsWith("/"));
    }

    /** Checks on the raw text before it is parsed: size, surrounding whitespace, backslashes, dot segments. */
    private static void rejectMalformedText(String raw) throws InvalidExternalBlobException {
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_URI_BYTES) {
            throw new InvalidExternalBlobException("the base is longer than " + MAX_URI_BYTES + " bytes");
        }
        if (raw.isEmpty() || !RustStrings.trim(raw).equals(raw)) {
            throw new InvalidExternalBlobException(
                    "the base is empty or has leading/trailing whitespace");
        }
        if (raw.indexOf('\\') >= 0) {
            throw new InvalidExternalBlobException("backslashes are not allowed");
        }
        rejectRawDotPathComponents(raw);
    }

    /** What follows {@code scheme:}, split into the authority and the rest (path, query, fragment). */
    private static String[] splitAuthority(String scheme, String rest) throws InvalidExternalBlobException {
        if (rest.startsWith("//")) {
            String hierarchical = rest.substring(2);
            int end = indexOfAny(hierarchical, "/?#");
            return end < 0 ? new String[] {hierarchical, ""} : new String[] {hierarchical.substring(0, end), hierarchical.substring(end)};
        }
        if (scheme.equals("s3") && !rest.startsWith("/")) {
            throw new InvalidExternalBlobException("the base must be hierarchical (scheme://bucket/path)");
        }
        if (scheme.equals("s3")) {
            throw new InvalidExternalBlobException("an s3:// base needs a bucket name");
        }
        return new String[] {"", rest.startsWith("/") ? rest : "/" + rest};
    }

    /** The bucket of an s3:// base; empty for a file:// base (which must be local). */
    private static String host(String scheme, String authority) throws InvalidExternalBlobException {
        if (authority.indexOf('@') >= 0) {
            throw new InvalidExternalBlobException("credentials (user@) are not allowed");
        }
        String host = stripPort(authority);
        if (scheme.equals("s3")) {
            host = opaqueHost(host);
            if (host.isEmpty()) {
                throw new InvalidExternalBlobException("an s3:// base needs a bucket name");
            }
            return host;
        }
        if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            throw new InvalidExternalBlobException(
                    "a file:// base must be local: no host name allowed");
        }
        return "";
    }

    /** The decoded path segments (a trailing slash adds none); empty components are refused. */
    private static List<byte[]> pathSegments(String body) throws InvalidExternalBlobException {
        String[] rawSegments = body.isEmpty() ? new String[0] : body.split("/", -1);
        for (int i = 0; i < rawSegments.length; i++) {
            if (rawSegments[i].isEmpty() && i + 1 != rawSegments.length) {
                throw new InvalidExternalBlobException("empty path components (//) are not allowed");
            }
        }
        List<byte[]> path = new ArrayList<>();
        for (String segment : rawSegments) {
            path.add(decodeComponent(segment));
        }
        if (!path.isEmpty() && path.getLast().length == 0) {
            path.removeLast();
        }
        for (byte[] segment : path) {
            if (segment.length == 0) {
                throw new InvalidExternalBlobException("empty path components (//) are not allowed");
            }
        }
        return List.copyOf(path);
    }

    private static Parsed canonicalFileBase(Parsed lexical) throws InvalidExternalBlobException {
        StringBuilder local = new StringBuilder();
        for (byte[] segment : lexical.path) {
            local.append('/').append(new String(segment, StandardCharsets.UTF_8));
        }
        Path path = Path.of(local.isEmpty() ? "/" : local.toString());
        Path canonical;
        try {
            canonical = path.toRealPath();
        } catch (IOException | RuntimeException e) {
            throw new InvalidExternalBlobException(
                    "a file:// base must be an existing directory (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(canonical)) {
            throw new InvalidExternalBlobException("a file:// base must be an existing directory");
        }
        List<byte[]> segments = new ArrayList<>();
        for (Path name : canonical) {
            segments.add(name.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new Parsed("file", "", List.copyOf(segments), true);
    }

    private static void rejectRawDotPathComponents(String raw) throws InvalidExternalBlobException {
        int schemeEnd = raw.indexOf("://");
        if (schemeEnd < 0) {
            return;
        }
        String afterAuthority = raw.substring(schemeEnd + 3);
        int pathStart = afterAuthority.indexOf('/');
        if (pathStart < 0) {
            return;
        }
        String rawPath = afterAuthority.substring(pathStart);
        int pathEnd = indexOfAny(rawPath, "?#");
        if (pathEnd >= 0) {
            rawPath = rawPath.substring(0, pathEnd);
        }
        for (String component : rawPath.split("/", -1)) {
            decodeComponent(component);
        }
    }

    private static byte[] decodeComponent(String component) throws InvalidExternalBlobException {
        byte[] source = component.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(source.length);
        int index = 0;
        while (index < source.length) {
            if (source[index] == '%') {
                if (index + 2 >= source.length) {
                    throw new InvalidExternalBlobException("a percent escape is cut short");
                }
                int high = Character.digit(source[index + 1], 16);
                int low = Character.digit(source[index + 2], 16);
                if (high < 0 || low < 0) {
                    throw new InvalidExternalBlobException("a percent escape is not two hex digits");
                }
                decoded.write((high << 4) | low);
                index += 3;
            } else {
                decoded.write(source[index]);
                index++;
            }
        }
        byte[] bytes = decoded.toByteArray();
        if (Arrays.equals(bytes, new byte[] {'.'}) || Arrays.equals(bytes, new byte[] {'.', '.'})) {
            throw new InvalidExternalBlobException("`.` and `..` path components are not allowed");
        }
        for (byte b : bytes) {
            if (b == 0 || b == '%' || b == '/' || b == '\\') {
                throw new InvalidExternalBlobException(
                        "a path component decodes to a separator, a percent sign or NUL");
            }
        }
        return bytes;
    }

    private static String encodeComponent(byte[] component) {
        StringBuilder out = new StringBuilder(component.length);
        for (byte b : component) {
            int v = b & 0xFF;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9')
                    || v == '-' || v == '.' || v == '_' || v == '~') {
                out.append((char) v);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static String stripPort(String authority) throws InvalidExternalBlobException {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InvalidExternalBlobException("the host is a malformed IPv6 literal");
            }
            String after = authority.substring(close + 1);
            if (after.isEmpty()) {
                return authority;
            }
            return authority.substring(0, close + 1) + checkPort(after);
        }
        int colon = authority.lastIndexOf(':');
        if (colon < 0) {
            return authority;
        }
        return authority.substring(0, colon) + checkPort(authority.substring(colon));
    }

    /** {@code suffix} starts with ':'; an empty port is dropped, a numeric one is forbidden. */
    private static String checkPort(String suffix) throws InvalidExternalBlobException {
        String port = suffix.substring(1);
        if (!suffix.startsWith(":")) {
            throw new InvalidExternalBlobException("the host is malformed");
        }
        if (port.isEmpty()) {
            return "";
        }
        if (port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidExternalBlobException("a port number is not allowed");
        }
        throw new InvalidExternalBlobException("the port is not a number");
    }

    /** WHATWG opaque host: forbidden code points rejected, non-ASCII percent-encoded; then lower-cased. */
    private static String opaqueHost(String host) throws InvalidExternalBlobException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < host.length(); ) {
            int cp = host.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if (cp <= 0x20 || "#/:<>?@[\\]^|".indexOf(cp) >= 0 || cp == 0x7F) {
                    throw new InvalidExternalBlobException(
                            "the bucket name contains a character not allowed in a URI host");
                }
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isScheme(String candidate) {
        if (candidate.isEmpty() || !isAsciiLetter(candidate.charAt(0))) {
            return false;
        }
        for (int i = 1; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
