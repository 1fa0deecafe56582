package dev.omnigraph.console.prefs;

import java.util.Objects;

/**
 * A connection the admin saved by name: where the cluster is and how to reach its endpoint.
 * It mirrors the non-secret half of {@code storage.S3Settings}; there is deliberately no field
 * for an access key, secret or session token, so a saved connection can never carry one.
 *
 * @param name      what the admin called it
 * @param kind      whether {@code target} is a storage root or a config folder
 * @param target    {@code s3://bucket/prefix}, {@code file:///path} or a path; or the config folder
 * @param endpoint  custom S3 endpoint, or null for the environment's / AWS
 * @param region    region, or null
 * @param pathStyle path-style addressing, or null for automatic
 * @param profile   AWS profile (SSO profiles included), or null for the default chain
 */
public record SavedConnection(String name, Kind kind, String target, String endpoint, String region, Boolean pathStyle,
                              String profile) {

    /** What {@code target} names. */
    public enum Kind { ROOT, CONFIG }

    public SavedConnection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        name = name == null || name.isBlank() ? target : name.trim();
        target = UriCredentials.strip(target); // a typed KEY:SECRET@ or ?X-Amz-Security-Token= is never remembered
        endpoint = UriCredentials.strip(blankToNull(endpoint));
        region = blankToNull(region);
        profile = blankToNull(profile);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
