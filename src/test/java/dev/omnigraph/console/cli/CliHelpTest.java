package dev.omnigraph.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated help, the completion script and the one-line usage mistakes (exit 2) of the picocli command tree. */
class CliHelpTest {
    /** Every command an admin can run, as {@code help} lists it. */
    private static final List<String> COMMANDS = List.of("status", "force-unlock", "catalog verify", "catalog gc", "doctor", "ledger history",
            "ledger diff", "probe", "demo create", "migrate-storage", "backup create", "backup list", "backup verify", "backup diff",
            "restore", "local-s3", "completion", "help");

    @TempDir
    Path temp;

    @Test
    void helpListsEveryCommandWithItsDescription() {
        CliRunner.Outcome help = CliRunner.run(temp, "help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Commands:", "Exit codes: 0 ok, 1 findings or refused, 2 usage", "omnigraph-console completion");
        for (String command : COMMANDS) {
            assertThat(help.out()).as(command).containsPattern("(?m)^  " + command + " +\\S");
        }
        assertThat(CommandTree.commandNames(CommandTree.build(context()))).containsExactlyElementsOf(COMMANDS);
        assertThat(CliRunner.run(temp, "--help").out()).isEqualTo(help.out());
        assertThat(CliRunner.run(temp).out()).isEqualTo(help.out());
    }

    @Test
    void everyCommandHasItsOwnHelpTheSameWayRound() {
        for (String command : COMMANDS) {
            String[] words = command.split(" ");
            CliRunner.Outcome dashed = CliRunner.run(temp, concat(words, "--help"));
            assertThat(dashed.exitCode()).as(command).isZero();
            assertThat(dashed.out()).as(command).startsWith("Usage: omnigraph-console " + command).contains("-h, --help");
            assertThat(dashed.err()).as(command).isEmpty();
            CliRunner.Outcome asked = CliRunner.run(temp, concat(new String[] {"help"}, words));
            assertThat(asked.out()).as(command).isEqualTo(dashed.out());
        }
        // the shared options are documented where they apply
        assertThat(CliRunner.run(temp, "status", "--help").out()).contains("--root=URI", "--config=DIR", "--endpoint=URL", "--path-style=BOOL",
                "--json");
        assertThat(CliRunner.run(temp, "migrate-storage", "--help").out()).contains("--to-endpoint=URL", "--to-path-style=BOOL",
                "transfers in flight (default 16)");
        assertThat(CliRunner.run(temp, "backup", "verify", "-h").out()).contains("LOCATION", "POINT", "objects in flight (default 8)");
    }

    @Test
    void versionPrintsTheProgramAndItsVersion() {
        CliRunner.Outcome version = CliRunner.run(temp, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).isEqualTo("omnigraph-console " + Version.current() + System.lineSeparator());
    }

    @Test
    void anUnknownOptionIsNamedOnOneLineWithTheCommandsHelpAndExitsTwo() {
        CliRunner.Outcome unknown = CliRunner.run(temp, "catalog", "verify", "--root", temp.toString(), "--frobnicate=3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: unknown option --frobnicate" + System.lineSeparator()
                + "Run 'omnigraph-console catalog verify --help' for its options." + System.lineSeparator());
        assertThat(unknown.out()).isEmpty();

        CliRunner.Outcome extra = CliRunner.run(temp, "status", "stray", "--root", temp.toString());
        assertThat(extra.exitCode()).isEqualTo(2);
        assertThat(extra.err()).startsWith("error: unexpected argument 'stray'");

        CliRunner.Outcome missingValue = CliRunner.run(temp, "status", "--root");
        assertThat(missingValue.exitCode()).isEqualTo(2);
        assertThat(missingValue.err()).contains("--root").contains("Run 'omnigraph-console status --help'");

        CliRunner.Outcome notANumber = CliRunner.run(temp, "ledger", "history", "--root", temp.toString(), "--limit", "many");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--limit").contains("many");

        CliRunner.Outcome twice = CliRunner.run(temp, "status", "--root", "/nonexistent/first", "--root", "/nonexistent/last");
        assertThat(twice.exitCode()).as("an option given twice: the last counts").isEqualTo(1);
        assertThat(twice.err()).contains("/nonexistent/last").doesNotContain("/nonexistent/first");

        CliRunner.Outcome badPathStyle = CliRunner.run(temp, "probe", "--root", "s3://b/p", "--path-style", "sometimes");
        assertThat(badPathStyle.exitCode()).isEqualTo(2);
        assertThat(badPathStyle.err()).startsWith("error: --path-style takes true or false");
    }

    @Test
    void aMistypedCommandSuggestsTheCloseOneAtEveryLevel() {
        CliRunner.Outcome swapped = CliRunner.run(temp, "stauts", "--root", temp.toString());
        assertThat(swapped.exitCode()).isEqualTo(2);
        assertThat(swapped.err()).contains("unknown command 'stauts'", "Did you mean 'status'?");

        CliRunner.Outcome nested = CliRunner.run(temp, "backup", "creat", "--root", temp.toString());
        assertThat(nested.exitCode()).isEqualTo(2);
        assertThat(nested.err()).contains("unknown command 'backup creat'", "Did you mean 'backup create'?");

        CliRunner.Outcome groupAlone = CliRunner.run(temp, "catalog");
        assertThat(groupAlone.exitCode()).isEqualTo(2);
        assertThat(groupAlone.err()).contains("'catalog' needs one of: verify, gc");
    }

    @Test
    void theCompletionScriptCoversEveryCommandAndCompletesInBash() throws Exception {
        CliRunner.Outcome completion = CliRunner.run(temp, "completion");
        assertThat(completion.exitCode()).isZero();
        String script = completion.out();
        assertThat(script).contains("complete -F _complete_omnigraph-console");
        for (String command : COMMANDS) {
            for (String word : command.split(" ")) {
                assertThat(script).as(command).contains(word);
            }
        }
        assertThat(script).contains("--root", "--to-endpoint", "--take-over-lock", "--owner-stopped");

        Path file = Files.writeString(temp.resolve("omnigraph-console.bash"), script);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        assertThat(complete(file, "omnigraph-console", "catalog", "v")).containsExactly("verify");
        assertThat(complete(file, "omnigraph-console", "migrate-storage", "--to-e")).containsExactly("--to-endpoint");
        assertThat(complete(file, "omnigraph-console", "backup", "")).contains("create", "list", "verify", "diff");
    }

    /** What bash's completion offers for the last of {@code words}, with the script sourced. */
    private static List<String> complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String shell = "source '" + script + "'; COMP_WORDS=(" + String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList())
                + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
                + "_complete_omnigraph-console 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("/bin/bash", "--norc", "--noprofile", "-c", shell).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(s -> !s.isBlank()).toList();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private CliContext context() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CliContext(sink, sink, new BufferedReader(new StringReader("")), Map.of(), temp, false);
    }
}
