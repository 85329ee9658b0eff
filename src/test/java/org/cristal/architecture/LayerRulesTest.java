package org.cristal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers of docs/architecture.md true: story ← render ← check ← library ← publish ← cli, ui ← app. */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Test classes are left out by where they were compiled, which also holds for -Dcristal.buildDir.
        String tests = LayerRulesTest.class.getProtectionDomain().getCodeSource().getLocation().toString();
        ImportOption noTests = location -> !location.asURI().toString().startsWith(tests);
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(noTests).importPackages("org.cristal");
    }

    @Test
    void layersOnlyDependOnLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("story").definedBy("org.cristal.story..")
                .layer("render").definedBy("org.cristal.render..")
                .layer("check").definedBy("org.cristal.check..")
                .layer("library").definedBy("org.cristal.library..")
                .layer("publish").definedBy("org.cristal.publish..")
                .layer("cli").definedBy("org.cristal.cli..")
                .layer("ui").definedBy("org.cristal.ui..")
                .layer("app").definedBy("org.cristal.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("publish").mayOnlyBeAccessedByLayers("cli", "ui", "app")
                .whereLayer("library").mayOnlyBeAccessedByLayers("publish", "cli", "ui", "app")
                .whereLayer("check").mayOnlyBeAccessedByLayers("library", "publish", "cli", "ui", "app")
                .whereLayer("render").mayOnlyBeAccessedByLayers("check", "library", "publish", "cli", "ui", "app")
                .check(classes);
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.cristal.ui..", "org.cristal.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchNodes() {
        // MVVM: view models hold state and logic in properties, testable without the toolkit. A view model is
        // found by its name (each screen's package keeps its view model next to its views), and the shared
        // view-model infrastructure in ui.model obeys the same rule.
        classes().that().haveNameMatching("org\\.cristal\\.ui\\..*Model(\\$.*)?")
                .or().resideInAPackage("org.cristal.ui.model..")
                .should().onlyDependOnClassesThat(DescribedPredicate.not(NODES.or(VIEWS)))
                .check(classes);
    }

    private static final DescribedPredicate<JavaClass> NODES = JavaClass.Predicates.resideInAnyPackage(
            "javafx.scene..", "javafx.stage..", "javafx.application..", "javafx.concurrent..");

    /** A view is a studio class that builds or shows nodes itself. */
    private static final DescribedPredicate<JavaClass> VIEWS = new DescribedPredicate<>("views") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().startsWith("org.cristal.ui") && c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> NODES.test(d.getTargetClass()));
        }
    };

    @Test
    void builtInPluginsUseOnlyThePluginSpi() {
        // A built-in plugin is written as a third-party one would be: against publish.spi, with the HTTP
        // helper and the shared social/web-post helpers of the built-ins, the story and its renditions.
        // The export folder writes exactly the files of the studio's export (library.RenditionExport).
        // publish.scenario is no plugin but the core's scenario engine, as publish.audience is its audience
        // and publish.oauth its OAuth helper (grants live in the core's SecretStore).
        classes().that().resideInAPackage("org.cristal.publish.*..")
                .and().resideOutsideOfPackages("org.cristal.publish.spi..", "org.cristal.publish.http..",
                        "org.cristal.publish.audience..", "org.cristal.publish.scenario..",
                        "org.cristal.publish.oauth..")
                .should(onlyUseTheSpiOrTheirOwnPackage())
                .check(classes);
    }

    private static ArchCondition<JavaClass> onlyUseTheSpiOrTheirOwnPackage() {
        DescribedPredicate<JavaClass> allowed = JavaClass.Predicates.resideOutsideOfPackage("org.cristal..")
                .or(JavaClass.Predicates.resideInAnyPackage("org.cristal.publish.spi..", "org.cristal.publish.http..",
                        "org.cristal.publish.social..", "org.cristal.publish.webpost..", "org.cristal.story..",
                        "org.cristal.render.."))
                .or(JavaClass.Predicates.equivalentTo(org.cristal.library.RenditionExport.class));
        return new ArchCondition<>("depend only on publish.spi, publish.http, story, render or their own package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = ownPluginPackage(item.getPackageName());
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (!allowed.test(target) && !target.getPackageName().startsWith(own)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    /** org.cristal.publish.mastodon for org.cristal.publish.mastodon.anything. */
    private static String ownPluginPackage(String pkg) {
        String[] parts = pkg.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, 4));
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.cristal.(*)..").should().beFreeOfCycles().check(classes);
        // Sub-packages (render.web, render.email …) may not exist in every layer yet.
        slices().matching("org.cristal.render.(*)..").should().beFreeOfCycles().allowEmptyShould(true)
                .check(classes);
        slices().matching("org.cristal.library.(*)..").should().beFreeOfCycles().allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackages("org.cristal.cli..", "org.cristal.app..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }
}
