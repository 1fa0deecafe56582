package dev.omnigraph.console.ui.doctor;

import dev.omnigraph.console.cluster.doctor.DoctorFinding;
import dev.omnigraph.console.ui.common.Tagged;

/** One doctor finding as the report table shows it: severity, code, stage, what, remedy. */
public record FindingRow(DoctorFinding finding) {

    public Tagged severity() {
        return switch (finding.severity()) {
            case FATAL -> Tagged.danger(finding.severity().label());
            case QUARANTINE -> Tagged.warn(finding.severity().label());
            case WARNING -> Tagged.info(finding.severity().label());
        };
    }

    /** What identifies the finding across examinations: its code, object, graph and message. */
    public String key() {
        return finding.code() + "|" + finding.object() + "|" + finding.graphId().orElse("") + "|" + finding.message();
    }

    public String code() {
        return finding.code();
    }

    public String stage() {
        return finding.stage().title();
    }

    /** What it is about and what is wrong: "query.knowledge.x: payload missing …". */
    public String what() {
        return finding.object() + finding.graphId().map(g -> " (graph " + g + ")").orElse("") + ": " + finding.message();
    }

    public String remedy() {
        return finding.remedy();
    }
}
