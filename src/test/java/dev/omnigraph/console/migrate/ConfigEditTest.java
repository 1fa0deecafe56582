package dev.omnigraph.console.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.cluster.ClusterLocations;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-place cluster.yaml edit: one line changes, comments and formatting stay, and it only lands as proposed. */
class ConfigEditTest {
    @TempDir
    Path dir;

    private static final StoreUri S3 = new StoreUri.S3("new-bucket", "clusters/prod");

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("cluster.yaml"), yaml);
    }

    @Test
    void replacesTheStorageValueKeepingEverythingElse() throws Exception {
        String before = """
                version: 1
                # the root: ledger, lock, catalog and graphs
                storage:   "s3://old-bucket/clusters/prod"   # moved in 2026
                metadata:
                  name: prod   # display only
                """;
        write(before);
        ConfigEdit.Proposal p = ConfigEdit.propose(dir, S3, dir);
        assertThat(p.after()).isEqualTo(before.replace("\"s3://old-bucket/clusters/prod\"", "s3://new-bucket/clusters/prod"));
        assertThat(p.diff()).contains("-storage:   \"s3://old-bucket/clusters/prod\"   # moved in 2026")
                .contains("+storage:   s3://new-bucket/clusters/prod   # moved in 2026").contains("@@ -1,5 +1,5 @@");
        assertThat(Files.readString(dir.resolve("cluster.yaml"))).isEqualTo(before); // proposing writes nothing

        ConfigEdit.apply(p);
        assertThat(Files.readString(dir.resolve("cluster.yaml"))).isEqualTo(p.after());
        assertThat(ClusterLocations.fromConfigDir(dir, dir).root()).isEqualTo(S3);
    }

    @Test
    void insertsStorageAfterVersionWhenTheFolderWasTheRoot() throws Exception {
        write("version: 1\nmetadata:\n  name: local\n");
        Path newRoot = dir.resolve("moved root #1");
        ConfigEdit.Proposal p = ConfigEdit.propose(dir, new StoreUri.Local(newRoot), dir);
        assertThat(p.after()).isEqualTo("version: 1\nstorage: \"" + newRoot + "\"\nmetadata:\n  name: local\n");
        assertThat(p.diff()).contains("+storage: \"" + newRoot + "\"").doesNotContain("-version");
        ConfigEdit.apply(p);
        assertThat(ClusterLocations.fromConfigDir(dir, dir).root()).isEqualTo(new StoreUri.Local(newRoot));
    }

    @Test
    void refusesWhatItWouldHaveToGuessAndWhatChangedSinceTheDiff() throws Exception {
        write("version: 1\nstorage: >-\n  s3://old/x\n");
        assertThatThrownBy(() -> ConfigEdit.propose(dir, S3, dir)).isInstanceOf(ConfigEdit.EditException.class).hasMessageContaining("by hand");

        write("version: 1\nstorage: s3://old/x\n");
        ConfigEdit.Proposal p = ConfigEdit.propose(dir, S3, dir);
        write("version: 1\nstorage: s3://old/x\n# edited meanwhile\n");
        assertThatThrownBy(() -> ConfigEdit.apply(p)).isInstanceOf(ConfigEdit.EditException.class).hasMessageContaining("changed since");
        assertThat(Files.readString(dir.resolve("cluster.yaml"))).endsWith("# edited meanwhile\n");
    }

    @Test
    void quotesOnlyWhenAPlainScalarWouldBeMisread() {
        assertThat(StorageLine.yamlScalar("s3://bucket/a/b")).isEqualTo("s3://bucket/a/b");
        assertThat(StorageLine.yamlScalar("/srv/omnigraph/prod")).isEqualTo("/srv/omnigraph/prod");
        assertThat(StorageLine.yamlScalar("/srv/my cluster #2")).isEqualTo("\"/srv/my cluster #2\"");
        assertThat(StorageLine.yamlScalar("true")).isEqualTo("\"true\"");
    }
}
