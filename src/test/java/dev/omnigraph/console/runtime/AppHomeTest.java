package dev.omnigraph.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHomeTest {
    @TempDir
    Path tmp;

    @Test
    void systemPropertyMovesTheFolderElseItIsUnderTheUserHome() {
        String before = System.getProperty(AppHome.PROPERTY);
        try {
            System.setProperty(AppHome.PROPERTY, tmp.resolve("custom").toString());
            assertThat(AppHome.resolve().root()).isEqualTo(tmp.resolve("custom"));
            System.clearProperty(AppHome.PROPERTY);
            assertThat(AppHome.resolve().root()).isEqualTo(Path.of(System.getProperty("user.home"), ".omnigraph-console"));
        } finally {
            if (before == null) {
                System.clearProperty(AppHome.PROPERTY);
            } else {
                System.setProperty(AppHome.PROPERTY, before);
            }
        }
    }

    @Test
    void layoutNamesEveryFolderAndFile() {
        AppHome home = new AppHome(tmp);
        assertThat(home.logs()).isEqualTo(tmp.resolve("logs"));
        assertThat(home.crashReports()).isEqualTo(tmp.resolve("crash-reports"));
        assertThat(home.preferencesFile()).isEqualTo(tmp.resolve("preferences.json"));
        assertThat(home.demoClusters()).isEqualTo(tmp.resolve("demo"));
    }

    @Test
    void createdFoldersArePrivateToTheUser() throws IOException {
        Path folder = AppHome.ensureFolder(tmp.resolve("a/b/logs"));
        assertThat(folder).isDirectory();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a")))).isEqualTo("rwx------");
        }
        assertThat(AppHome.ensureFolder(folder)).isEqualTo(folder);
    }

    @Test
    void aFileInTheWayIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("logs"), "not a folder");
        assertThatThrownBy(() -> AppHome.ensureFolder(file)).isInstanceOf(IOException.class);
    }
}
