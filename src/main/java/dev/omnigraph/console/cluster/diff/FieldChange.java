package dev.omnigraph.console.cluster.diff;

/**
 * One field that differs, rendered as compact text: JSON for structured values, the plain string
 * for strings. {@code null} means the field is absent on that side. Inline secrets are already
 * masked ({@link SecretMask}).
 *
 * @param field  the field name, e.g. {@code digest}, {@code applies_to}, {@code status}
 * @param before value in A, or null when absent
 * @param after  value in B, or null when absent
 */
public record FieldChange(String field, String before, String after) {}
