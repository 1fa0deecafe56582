package dev.omnigraph.console.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.PreferencesStore;
import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectViewModelTest {
    @TempDir
    Path temp;

    private final List<ConnectionSpec> opened = new ArrayList<>();

    private ConnectViewModel vm(PreferencesModel prefs, Map<String, String> env) {
        return new ConnectViewModel(new ImmediateTaskRunner(), prefs, S3Settings.fromEnvironment(env), temp, opened::add);
    }

    private ConnectViewModel vm() {
        return vm(PreferencesModel.inMemory(ConsolePreferences.defaults()), Map.of());
    }

    @Test
    void badInputIsShownInPlaceAndOpensNothing() {
        ConnectViewModel vm = vm();
        vm.rootProperty().set("gs://bucket/x");
        vm.open();
        assertThat(vm.errorProperty().get().detail()).contains("Unsupported storage scheme 'gs://'");
        vm.rootProperty().set("s3://Bad_Bucket/x");
        vm.open();
        assertThat(vm.errorProperty().get().detail()).contains("not a valid S3 bucket name");
        vm.rootProperty().set("s3://bucket/x");
        vm.s3().endpointProperty().set("ftp://nope");
        vm.open();
        assertThat(vm.errorProperty().get().detail()).contains("is not an http:// or https:// URL");
        vm.s3().endpointProperty().set("");
        vm.s3().accessKeyProperty().set("AKIAEXAMPLE");
        vm.open();
        assertThat(vm.errorProperty().get().detail()).contains("secret access key");
        vm.modeProperty().set(SavedConnection.Kind.CONFIG);
        vm.configDirProperty().set(temp.toString());
        vm.open();
        assertThat(vm.errorProperty().get().detail()).contains("has no cluster.yaml");
        assertThat(opened).isEmpty();
        assertThat(vm.errorProperty().get().oneLine()).doesNotContain("Exception");
    }

    @Test
    void aMistypedSchemeIsNotReadAsARelativeFolder() {
        ConnectViewModel vm = vm();
        vm.rootProperty().set("s3//my bucket::?prefix");
        vm.open();
        assertThat(vm.errorProperty().get().detail()).contains("mistyped s3:// URI", "nothing was opened",
                temp.resolve("s3//my bucket::?prefix").normalize().toString());
        vm.testConnection();
        assertThat(vm.errorProperty().get().detail()).contains("mistyped s3:// URI");
        for (String typo : List.of("s3:/bucket/x", "S3:bucket", "file:/tmp/x")) {
            vm.rootProperty().set(typo);
            vm.open();
            assertThat(vm.errorProperty().get()).as(typo).isNotNull();
        }
        assertThat(opened).isEmpty();
        assertThat(temp.resolve("s3")).doesNotExist();
        // the field's decoration says the same before anything runs
        assertThat(vm.rootProblem("s3//my bucket::?prefix")).get().asString().contains("mistyped s3:// URI");
        assertThat(vm.rootProblem("s3://Bad_Bucket/x")).get().asString().contains("not a valid S3 bucket name");
        assertThat(vm.rootProblem("s3://bucket/x")).isEmpty();
        assertThat(vm.rootProblem("")).isEmpty();
    }

    @Test
    void testingAFolderThatIsNotAClusterCreatesNothingInIt() throws Exception {
        Path share = Files.createDirectories(temp.resolve("share"));
        Files.writeString(share.resolve("readme.txt"), "not a cluster");
        ConnectViewModel vm = vm();
        vm.rootProperty().set(share.toString());
        vm.testConnection();
        assertThat(vm.verdictProperty().get().text()).contains("no ledger at this root");
        try (var files = Files.list(share)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("readme.txt");
        }
    }

    @Test
    void opensARootOrAConfigFolderWithTheTypedSettings() {
        ConnectViewModel vm = vm(PreferencesModel.inMemory(ConsolePreferences.defaults()), Map.of("AWS_REGION", "eu-west-1"));
        vm.rootProperty().set("s3://bucket/clusters/prod/");
        vm.s3().endpointProperty().set("http://127.0.0.1:9000");
        vm.s3().pathStyleProperty().set(dev.omnigraph.console.storage.S3Input.PathStyle.PATH);
        vm.s3().accessKeyProperty().set("AKIAEXAMPLE");
        vm.s3().secretKeyProperty().set("s3cr3t");
        assertThat(vm.s3RelevantProperty().get()).isTrue();
        vm.open();
        ConnectionSpec spec = opened.getLast();
        assertThat(spec.root().display()).isEqualTo("s3://bucket/clusters/prod");
        assertThat(spec.s3().region()).as("environment default kept").isEqualTo("eu-west-1");
        assertThat(spec.s3().endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(spec.s3().effectivePathStyle()).isTrue();
        assertThat(spec.s3().keys().secretAccessKey()).isEqualTo("s3cr3t");
        assertThat(spec.toString()).doesNotContain("s3cr3t");

        vm.modeProperty().set(SavedConnection.Kind.CONFIG);
        vm.configDirProperty().set(Trees.fixture("config").toString());
        assertThat(vm.s3RelevantProperty().get()).isTrue();
        vm.open();
        assertThat(opened.getLast().location().configDir()).contains(Trees.fixture("config").toAbsolutePath().normalize());
    }

    @Test
    void savedConnectionsNeverHoldKeys() throws Exception {
        PreferencesStore store = new PreferencesStore(temp.resolve("home"));
        PreferencesModel prefs = new PreferencesModel(store);
        ConnectViewModel vm = vm(prefs, Map.of());
        vm.rootProperty().set("s3://bucket/prod");
        vm.nameProperty().set("prod");
        vm.s3().profileProperty().set("admin");
        vm.s3().accessKeyProperty().set("AKIAVERYSECRETID");
        vm.s3().secretKeyProperty().set("wJalrXUtnFEMI-secret");
        vm.save();
        String file = Files.readString(store.file());
        assertThat(file).contains("s3://bucket/prod").contains("admin").doesNotContain("AKIAVERYSECRETID").doesNotContain("wJalrXUtnFEMI");

        ConnectViewModel fresh = vm(new PreferencesModel(new PreferencesStore(temp.resolve("home"))), Map.of());
        fresh.load(fresh.savedConnections().getFirst());
        assertThat(fresh.rootProperty().get()).isEqualTo("s3://bucket/prod");
        assertThat(fresh.s3().profileProperty().get()).isEqualTo("admin");
        assertThat(fresh.s3().accessKeyProperty().get()).isEmpty();
        assertThat(fresh.s3().secretKeyProperty().get()).isEmpty();
    }

    @Test
    void testConnectionShowsTheChecklistOnBothBackends() throws Exception {
        var file = Sessions.demo(Backend.FILE.newStore(temp, "probe"), DemoOptions.small());
        ConnectViewModel vm = vm();
        vm.rootProperty().set(file.uri().display());
        vm.testConnection();
        assertThat(vm.checks()).extracting(CheckRow::name).contains("list", "read", "create-only put", "If-Match put");
        assertThat(vm.verdictProperty().get().severity()).isEqualTo(Severity.OK);

        var s3 = S3TestServer.newRoot("connect", "clusters/empty");
        S3Settings settings = S3TestServer.settings();
        ConnectViewModel remote = vm();
        remote.rootProperty().set(s3.display());
        remote.s3().endpointProperty().set(settings.endpoint());
        remote.s3().regionProperty().set("us-east-1");
        remote.s3().accessKeyProperty().set(settings.keys().accessKeyId());
        remote.s3().secretKeyProperty().set(settings.keys().secretAccessKey());
        remote.testConnection();
        assertThat(remote.verdictProperty().get().severity()).as("reachable, but no ledger").isEqualTo(Severity.WARN);
        assertThat(remote.verdictProperty().get().text()).contains("no ledger at this root");

        remote.s3().secretKeyProperty().set("wrong-secret");
        remote.testConnection();
        assertThat(remote.verdictProperty().get().severity()).isEqualTo(Severity.DANGER);
        assertThat(remote.verdictProperty().get().text()).startsWith("Cannot browse").doesNotContain("wrong-secret");

        remote.rootProperty().set("s3://no-such-bucket-here/x");
        remote.s3().secretKeyProperty().set(settings.keys().secretAccessKey());
        remote.testConnection();
        assertThat(remote.verdictProperty().get().text()).startsWith("Cannot browse");
    }
}
