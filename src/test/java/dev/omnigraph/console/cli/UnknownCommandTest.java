package dev.omnigraph.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped command is a command-line mistake (exit 2 with a suggestion), never a window. */
class UnknownCommandTest {
    @TempDir
    Path temp;

    @Test
    void anyFirstWordIsForTheCommandLineAndOptionsAreForTheWindow() {
        assertThat(CliMain.isCommand(new String[] {"statsu"})).isTrue();
        assertThat(CliMain.isCommand(new String[] {"statsu", "--root", "/x"})).isTrue();
        assertThat(CliMain.isCommand(new String[] {"--version"})).isTrue();
        assertThat(CliMain.isCommand(new String[] {"--root", "/x"})).isFalse();
        assertThat(CliMain.isCommand(new String[] {})).isFalse();
    }

    @Test
    void aMistypedCommandSaysUnknownSuggestsTheClosestAndExitsTwo() {
        CliRunner.Outcome typo = CliRunner.run(temp, "statsu", "--root", "/x");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown command 'statsu").contains("Did you mean 'status'?");
    }

    @Test
    void aWordLikeNoCommandListsTheCommands() {
        CliRunner.Outcome nonsense = CliRunner.run(temp, "zzzzzzzz");
        assertThat(nonsense.exitCode()).isEqualTo(2);
        assertThat(nonsense.err()).doesNotContain("Did you mean");
        assertThat(nonsense.out()).contains("Commands:");
    }

    @Test
    void aTypoInTheSecondWordSuggestsTheCommandOfThatGroup() {
        CliRunner.Outcome typo = CliRunner.run(temp, "ledger", "histroy", "--root", "/x");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown command 'ledger histroy'").contains("Did you mean 'ledger history'?");
    }
}
