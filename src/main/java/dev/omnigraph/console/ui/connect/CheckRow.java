package dev.omnigraph.console.ui.connect;

import dev.omnigraph.console.storage.CapabilityProbe;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;

/** One line of the capability checklist shown after "Test connection". */
public record CheckRow(String name, Tagged status, String detail) {
    public static CheckRow of(CapabilityProbe.Check c) {
        Tagged status = switch (c.status()) {
            case PASS -> new Tagged("pass", Severity.OK);
            case WARN -> new Tagged("warn", Severity.WARN);
            case FAIL -> new Tagged("fail", Severity.DANGER);
            case SKIPPED -> new Tagged("skipped", Severity.NEUTRAL);
        };
        return new CheckRow(c.name(), status, c.detail());
    }
}
