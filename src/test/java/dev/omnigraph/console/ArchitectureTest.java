package dev.omnigraph.console;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layers of the console, enforced (the layout section of the README draws them):
 * <pre>
 *   Launcher, app          start-up: decides command line or window
 *        |
 *   cli  |  ui             the two user interfaces, independent of each other
 *        |
 *   migrate  demo  (backup)  engines, independent of each other
 *        |
 *   cluster                OmniGraph's formats, reader, verifier, lock service
 *        |
 *   storage   s3server     object stores, S3 input and settings, capability probe; the local S3 server
 *        |
 *   runtime  common  prefs   logging, redaction, crash reports, home, version, command-line parsing;
 *                            formatting and progress; per-user preferences (no toolkit)
 * </pre>
 * A layer uses only the layers below it; nothing below {@code ui} and the launcher touches JavaFX;
 * no two top-level packages depend on each other both ways. Inside {@code ui}, the feature packages
 * (one per view) build on the shared plumbing ({@code ui.task} &lt;- {@code ui.common} &lt;-
 * {@code ui.session}) and not on each other or on {@code ui.shell}, which composes them (a page
 * reaches another only through {@code ViewContext.view(id)} as a {@code ClusterView}); no two ui
 * packages depend on each other both ways.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.omnigraph.console";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The ui packages every feature may build on. */
    private static final Set<String> UI_PLUMBING = Set.of("common", "task", "session");
    /** The ui packages that are not features: the plumbing, the shell that composes the features, the crash dialog. */
    private static final Set<String> UI_NOT_FEATURES = Set.of("common", "task", "session", "shell", "runtime");

    @Test
    void layersPointDown() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Launcher").definedBy(ROOT, ROOT + ".app..")
                .layer("Cli").definedBy(ROOT + ".cli..")
                .layer("Ui").definedBy(ROOT + ".ui..")
                .layer("Engines").definedBy(ROOT + ".migrate..", ROOT + ".demo..", ROOT + ".backup..")
                .layer("Cluster").definedBy(ROOT + ".cluster..")
                .layer("Storage").definedBy(ROOT + ".storage..")
                .layer("S3Server").definedBy(ROOT + ".s3server..")
                .layer("Prefs").definedBy(ROOT + ".prefs..")
                .layer("Runtime").definedBy(ROOT + ".runtime..", ROOT + ".common..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Engines").mayOnlyBeAccessedByLayers("Cli", "Ui", "Launcher")
                .whereLayer("Cluster").mayOnlyBeAccessedByLayers("Engines", "Cli", "Ui", "Launcher")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Cluster", "Engines", "Cli", "Ui", "Launcher")
                .whereLayer("S3Server").mayOnlyBeAccessedByLayers("Cli", "Ui", "Launcher")
                .whereLayer("Prefs").mayOnlyBeAccessedByLayers("Cli", "Ui", "Launcher")
                .whereLayer("Runtime").mayOnlyBeAccessedByLayers("Storage", "S3Server", "Prefs", "Cluster", "Engines", "Cli", "Ui",
                        "Launcher");
        rule.check(MAIN);
    }

    @Test
    void theEnginesAreIndependentOfEachOther() {
        slices().matching(ROOT + ".(migrate|demo|backup)..").should().notDependOnEachOther().check(MAIN);
    }

    @Test
    void onlyTheWindowAndTheLauncherKnowJavaFx() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".ui..", ROOT + ".app..", ROOT)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine runs headless (CLI on servers, no toolkit loaded)")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void uiFeaturesBuildOnThePlumbingOnly() {
        for (String feature : uiPackages()) {
            if (UI_NOT_FEATURES.contains(feature)) {
                continue;
            }
            usesOnlyTheseUiPackages(feature, UI_PLUMBING)
                    .because("ui features are independent of each other and of the shell that composes them")
                    .check(MAIN);
        }
    }

    @Test
    void theUiPlumbingIsLayeredTaskCommonSession() {
        Map<String, Set<String>> mayUse = Map.of("task", Set.of(), "common", Set.of("task"), "session", Set.of("task", "common"));
        mayUse.forEach((plumbing, below) -> usesOnlyTheseUiPackages(plumbing, below).check(MAIN));
    }

    @Test
    void theShellIsOnTopOfTheUi() {
        classes().that().resideInAPackage(ROOT + ".ui.shell..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(ROOT + ".ui", ROOT + ".ui.shell..")
                .because("the shell composes the pages; only the application class builds it")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenUiPackages() {
        slices().matching(ROOT + ".ui.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void testOnlyCodeStaysOutOfMain() {
        noClasses().should().haveSimpleName("ImmediateTaskRunner").orShould().haveSimpleName("LedgerWriter")
                .because("test helpers live in src/test").allowEmptyShould(true).check(MAIN);
    }

    /** Classes in {@code ui.<from>} use no ui package but their own and {@code mayUse}. */
    private static ArchRule usesOnlyTheseUiPackages(String from, Set<String> mayUse) {
        Set<String> allowed = new TreeSet<>(mayUse);
        allowed.add(from);
        return classes().that().resideInAPackage(ROOT + ".ui." + from + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + ".ui..")
                        .or(resideInAnyPackage(allowed.stream().map(p -> ROOT + ".ui." + p + "..").toArray(String[]::new))));
    }

    private static Set<String> uiPackages() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : MAIN.that(not(resideOutsideOfPackage(ROOT + ".ui..")))) {
            String p = uiPackage(c);
            if (p != null) {
                packages.add(p);
            }
        }
        return packages;
    }

    /** The ui sub-package a class is in ({@code "lock"}), or null outside them. */
    private static String uiPackage(JavaClass c) {
        String prefix = ROOT + ".ui.";
        String name = c.getPackageName();
        if (!name.startsWith(prefix)) {
            return null;
        }
        String rest = name.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
