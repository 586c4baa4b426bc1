package cn.partybuilding;

import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries of the code, checked: features (top-level packages, in every module) depend on each other without
 * cycles; the points engine's core is plain Java; the engine modules know nothing of the HTTP edge.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.partybuilding");

	private static final Pattern ENGINE_LOCATION = Pattern
		.compile("/(points-engine|notification)(/target/|-[^/]*\\.jar!)");

	/** Classes compiled in the points-engine or notification module (their class files or jars). */
	static final DescribedPredicate<JavaClass> ENGINE_MODULES = DescribedPredicate
		.describe("are in the points-engine or notification module", (javaClass) -> javaClass.getSource()
			.map((source) -> ENGINE_LOCATION.matcher(source.getUri().toString()).find())
			.orElse(false));

	@Test
	void theEngineModulesAreToldApartFromTheApplication() {
		assertThat(CLASSES.stream().filter(ENGINE_MODULES))
			.anyMatch((c) -> c.getPackageName().startsWith("cn.partybuilding.points.intake"))
			.anyMatch((c) -> c.getPackageName().startsWith("cn.partybuilding.notification"))
			.noneMatch((c) -> c.getSimpleName().endsWith("Controller"));
	}

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
		// By module, not by package: the points feature's HTTP edge lives in the api module under the same package.
		noClasses().that(ENGINE_MODULES)
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
