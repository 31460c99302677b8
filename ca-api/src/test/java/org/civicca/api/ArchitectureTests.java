package org.civicca.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.civicca");
    }

    @Test
    void coreKnowsNothingOfTheService() {
        ArchRule rule = noClasses().that().resideInAPackage("org.civicca.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.civicca.api..", "org.civicca.cli..", "org.springframework..",
                        "tools.jackson..", "com.fasterxml..", "java.sql..");
        rule.check(classes);
    }

    @Test
    void controllersNeitherTouchRepositoriesNorBouncyCastle() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAPackage("org.bouncycastle..");
        rule.check(classes);
    }

    @Test
    void onlyTheConfigurationPackagesReadTheEnvironment() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.civicca.api.config..")
                .should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv");
        rule.check(classes);
    }
}
