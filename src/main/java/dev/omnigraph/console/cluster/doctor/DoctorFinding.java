package dev.omnigraph.console.cluster.doctor;

import java.util.Optional;

/**
 * One reason the server would refuse to boot, quarantine a graph, or need attention.
 *
 * @param code     upstream's diagnostic code where the server has one (spec §7.1); codes the console
 *                 invents for conditions the server reports without a code start with {@code console_}
 * @param object   what it is about: a storage key, a resource address or {@code __cluster/state.json}
 * @param graphId  the graph it quarantines or concerns, when it concerns one
 * @param message  what is wrong, in the console's words
 * @param remedy   what to do about it
 */
public record DoctorFinding(String code, FindingSeverity severity, DoctorStage stage, String object, Optional<String> graphId,
                            String message, String remedy) {}
