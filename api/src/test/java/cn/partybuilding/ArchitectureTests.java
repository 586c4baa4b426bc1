package cn.partybuilding;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of the code, checked: features (top-level packages, in every module) depend on each other without
 * cycles; the points engine's core is plain Java; the engine modules know nothing of the HTTP edge.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.partybuilding");

	@Test
	void featuresAreFreeOfCycles() {
		slices().matching("cn.partybuilding.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void featuresInsideTheEngineModulesAreFreeOfCycles() {
		slices().matching("cn.partybuilding.points.(*)..").should().beFreeOfCycles().check(CLASSES);
		slices().matching("cn.partybuilding.notification.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void thePointsCoreIsPlainJava() {
		noClasses().that()
			.resideInAPackage("cn.partybuilding.points.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..", "java.io..", "java.nio.file..",
					"java.net..", "java.sql..", "org.slf4j..")
			.check(CLASSES);
	}

	@Test
	void theEngineModulesDoNotReachIntoTheApplication() {
		noClasses().that()
			.resideInAnyPackage("cn.partybuilding.points..", "cn.partybuilding.notification..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("cn.partybuilding.web..", "cn.partybuilding.security..", "cn.partybuilding.auth..",
					"cn.partybuilding.member..", "cn.partybuilding.org..", "cn.partybuilding.system..")
			.check(CLASSES);
	}

	@Test
	void repositoriesAreNotVisibleOutsideTheirFeature() {
		classes().that()
			.areAnnotatedWith(Repository.class)
			.should()
			.notBePublic()
			.because("a feature's tables are reached through its services, never through its repositories")
			.allowEmptyShould(true)
			.check(CLASSES);
	}

}
