package dev.omnigraph.console.demo;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which demo cluster to write: two OmniGraph v0.13 roots (ledger v2) and two v0.11 roots (ledger v1). */
public enum DemoKind {
    /** v0.13: three retained deployments and a {@code serve} lock (a running or cleanly stopped server). */
    SERVING("serving", "v0.13 root held by a serve lock, three retained deployments"),
    /** v0.13: a deployment accepted but not finished, its bundle, and the apply's retained {@code deployment} lock. */
    OUTSTANDING("outstanding", "v0.13 root with an outstanding deployment and its bundle"),
    /** v0.11 (ledger v1), needs {@code cluster upgrade-ledger}; a pending recovery sidecar and a crashed apply's lock block it. */
    V1("v1", "v0.11 root (ledger v1) that needs cluster upgrade-ledger"),
    /** v0.11 (ledger v1) with no lock, no outstanding work and no sidecar: migrates cleanly. */
    CLEAN("clean", "v0.11 root with no lock and no sidecar: migrates cleanly");

    private final String wireName;
    private final String description;

    DemoKind(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    /** True for the kinds written as OmniGraph v0.13 roots. */
    public boolean v013() {
        return this == SERVING || this == OUTSTANDING;
    }

    public static Optional<DemoKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst();
    }

    /** {@code serving|outstanding|v1|clean}. */
    public static String choices() {
        return Arrays.stream(values()).map(DemoKind::wireName).collect(Collectors.joining("|"));
    }
}
