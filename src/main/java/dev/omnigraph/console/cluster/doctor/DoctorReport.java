package dev.omnigraph.console.cluster.doctor;

import java.util.List;
import java.util.Optional;

/**
 * The serving-readiness verdict for one cluster root.
 *
 * @param verdict            boots / boots with quarantined graphs / refuses
 * @param servedGraphs       the graphs the server would serve, in id order
 * @param quarantined        the graphs it would skip, with why
 * @param findings           everything found, in the server's check order
 * @param firstRefusingStage the stage at which the server itself would stop (it reports only that
 *                           stage's errors), when it refuses
 * @param strictBootRefuses  whether {@code --require-all-graphs} / {@code OMNIGRAPH_REQUIRE_ALL_GRAPHS=1}
 *                           would refuse (any quarantine does)
 * @param ledgerCas          the ledger that was examined, when one was read
 * @param notChecked         what the server also checks at boot that cannot be judged from storage
 * @param generation         the ledger generation, which releases can serve the root, and what
 *                           {@code upgrade-ledger} would do (empty only for reports built without it)
 */
public record DoctorReport(BootVerdict verdict, List<String> servedGraphs, List<QuarantinedGraph> quarantined,
                           List<DoctorFinding> findings, Optional<DoctorStage> firstRefusingStage, boolean strictBootRefuses,
                           Optional<String> ledgerCas, List<String> notChecked, Optional<GenerationView> generation) {
    public DoctorReport {
        servedGraphs = List.copyOf(servedGraphs);
        quarantined = List.copyOf(quarantined);
        findings = List.copyOf(findings);
        notChecked = List.copyOf(notChecked);
    }

    /** Without the generation view (the shape before v0.13 support). */
    public DoctorReport(BootVerdict verdict, List<String> servedGraphs, List<QuarantinedGraph> quarantined,
                        List<DoctorFinding> findings, Optional<DoctorStage> firstRefusingStage, boolean strictBootRefuses,
                        Optional<String> ledgerCas, List<String> notChecked) {
        this(verdict, servedGraphs, quarantined, findings, firstRefusingStage, strictBootRefuses, ledgerCas, notChecked,
                Optional.empty());
    }

    public DoctorReport withGeneration(GenerationView view) {
        return new DoctorReport(verdict, servedGraphs, quarantined, findings, firstRefusingStage, strictBootRefuses, ledgerCas,
                notChecked, Optional.of(view));
    }

    public DoctorReport withFindings(List<DoctorFinding> replaced) {
        return new DoctorReport(verdict, servedGraphs, quarantined, replaced, firstRefusingStage, strictBootRefuses, ledgerCas,
                notChecked, generation);
    }

    public DoctorReport withNotChecked(List<String> replaced) {
        return new DoctorReport(verdict, servedGraphs, quarantined, findings, firstRefusingStage, strictBootRefuses, ledgerCas,
                replaced, generation);
    }

    public List<DoctorFinding> findings(FindingSeverity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public Optional<DoctorFinding> finding(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** One line: "boots", "boots with 1 quarantined graph (knowledge)", "refuses to boot (3 fatal findings)". */
    public String summary() {
        return switch (verdict) {
            case BOOTS -> "boots, serving " + servedGraphs.size() + " graph" + (servedGraphs.size() == 1 ? "" : "s")
                    + (servedGraphs.isEmpty() ? "" : " (" + String.join(", ", servedGraphs) + ")");
            case BOOTS_WITH_QUARANTINE -> "boots with " + quarantined.size() + " quarantined graph"
                    + (quarantined.size() == 1 ? "" : "s") + " (" + String.join(", ", quarantined.stream().map(QuarantinedGraph::graphId).toList())
                    + "), serving " + servedGraphs.size() + (servedGraphs.isEmpty() ? "" : " (" + String.join(", ", servedGraphs) + ")");
            case REFUSES -> "refuses to boot (" + findings(FindingSeverity.FATAL).size() + " fatal finding"
                    + (findings(FindingSeverity.FATAL).size() == 1 ? "" : "s") + ")";
        };
    }
}
