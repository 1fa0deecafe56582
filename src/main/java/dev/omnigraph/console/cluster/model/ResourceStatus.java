package dev.omnigraph.console.cluster.model;

/**
 * Upstream {@code ResourceLifecycleStatus} ({@code types.rs}, snake_case). Current upstream code only
 * writes {@code applied}, {@code drifted}, {@code blocked} and {@code error}; the other three are
 * accepted on read. Any other value makes the ledger unreadable ({@code invalid_state_json}).
 */
public enum ResourceStatus {
    PENDING("pending"),
    PLANNED("planned"),
    APPLYING("applying"),
    APPLIED("applied"),
    DRIFTED("drifted"),
    BLOCKED("blocked"),
    ERROR("error");

    private final String wireName;

    ResourceStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static ResourceStatus fromWire(String value) {
        for (ResourceStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        return null;
    }
}
