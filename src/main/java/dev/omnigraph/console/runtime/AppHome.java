package dev.omnigraph.console.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The per-user folder of the console: preferences, logs, crash reports and the demo clusters live
 * under it. It is the system property {@value #PROPERTY} when set (tests and the smoke test point it
 * at a temporary folder so they never touch the real one), else {@code ~/.omnigraph-console}.
 * Folders it creates are private to the user (rwx------ where the file system has POSIX permissions).
 *
 * @param root the folder (absolute, not necessarily existing yet)
 */
public record AppHome(Path root) {
    /** System property that moves the per-user folder. */
    public static final String PROPERTY = "omnigraph.console.home";
    /** Folder name under the user's home directory when {@value #PROPERTY} is not set. */
    public static final String DEFAULT_FOLDER = ".omnigraph-console";

    public AppHome {
        root = root.toAbsolutePath().normalize();
    }

    /** The folder this process uses: {@value #PROPERTY}, else {@code ~/.omnigraph-console}. */
    public static AppHome resolve() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new AppHome(Path.of(configured.strip()));
        }
        return new AppHome(Path.of(System.getProperty("user.home"), DEFAULT_FOLDER));
    }

    /** Rotating log files ({@code omnigraph-console-0.log} is the newest). */
    public Path logs() {
        return root.resolve("logs");
    }

    /** One text file per unexpected error, newest by name. */
    public Path crashReports() {
        return root.resolve("crash-reports");
    }

    /** The preferences file written by the {@code prefs} package. */
    public Path preferencesFile() {
        return root.resolve("preferences.json");
    }

    /** Demo clusters the window creates on first start. */
    public Path demoClusters() {
        return root.resolve("demo");
    }

    /**
     * Creates {@code folder} (and its parents) if missing, private to the user where possible.
     *
     * @return the folder
     * @throws IOException when it cannot be created or is not a writable folder
     */
    public static Path ensureFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Path parent = folder.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                ensureFolder(parent);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                try {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process created it meanwhile
                }
            } else {
                Files.createDirectories(folder);
            }
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        if (!Files.isWritable(folder)) {
            throw new IOException(folder + " is not writable");
        }
        return folder;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
