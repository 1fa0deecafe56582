package dev.omnigraph.console.cli;

import java.util.List;

/** Every headless command, in the order {@code help} lists them. */
public final class Commands {
    private Commands() {}

    public static List<Command> all() {
        return List.of(
                new StatusCommand(),
                new ForceUnlockCommand(),
                new CatalogVerifyCommand(),
                new CatalogGcCommand(),
                new DoctorCommand(),
                new LedgerHistoryCommand(),
                new LedgerDiffCommand(),
                new ProbeCommand(),
                new DemoCommand(),
                new MigrateStorageCommand(),
                new BackupCreateCommand(), new BackupListCommand(), new BackupVerifyCommand(), new BackupDiffCommand(), new RestoreCommand(),
                new LocalS3Command());
    }
}
