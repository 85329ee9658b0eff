package org.cristal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
        // MVVM: view models hold state and logic in properties, testable without the toolkit.
        noClasses().that().resideInAPackage("org.cristal.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.concurrent..", "org.cristal.ui", "org.cristal.ui.editor..",
                        "org.cristal.ui.preview..", "org.cristal.ui.brand..")
                .check(classes);
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
