package dev.omnigraph.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line half of a start-up cache's training run: the listed commands run in this process, in order. */
class CommandTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void parsesOneCommandALineSkippingBlankAndCommentLines() {
        List<List<String>> commands = CommandTraining.parse("# training\n\n  status --root /a  \nmigrate-storage\t--from /a --to s3://b/c\r\n");
        assertThat(commands).containsExactly(List.of("status", "--root", "/a"),
                List.of("migrate-storage", "--from", "/a", "--to", "s3://b/c"));
    }

    @Test
    void runsEveryListedCommandInOrderAndGoesOnAfterOneFails() throws Exception {
        Path root = tmp.resolve("demo");
        Path file = Files.writeString(tmp.resolve("commands.txt"), String.join("\n",
                "demo create --quiet-cluster --root " + root,
                "no-such-command",
                "status --root " + root), StandardCharsets.UTF_8);
        ByteArrayOutputStream notes = new ByteArrayOutputStream();

        List<Integer> codes = CommandTraining.runIfAsked(file.toString(), Map.of(), new PrintStream(notes, true, StandardCharsets.UTF_8));

        assertThat(codes).containsExactly(0, 2, 0);
        assertThat(root.resolve("__cluster/state.json")).as("the demo command ran").exists();
        assertThat(notes.toString(StandardCharsets.UTF_8)).contains("'no-such-command' exited with 2",
                "'status --root " + root + "' exited with 0");
    }

    @Test
    void doesNothingWithoutTheProperty() {
        assertThat(CommandTraining.runIfAsked(null, Map.of(), System.err)).isEmpty();
        assertThat(CommandTraining.runIfAsked(" ", Map.of(), System.err)).isEmpty();
    }

    @Test
    void aMissingCommandFileIsANoteNotAFailure() {
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        List<Integer> codes = CommandTraining.runIfAsked(tmp.resolve("absent.txt").toString(), Map.of(),
                new PrintStream(notes, true, StandardCharsets.UTF_8));
        assertThat(codes).isEmpty();
        assertThat(notes.toString(StandardCharsets.UTF_8)).contains("cannot read the commands");
    }
}
