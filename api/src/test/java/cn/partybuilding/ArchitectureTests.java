package cn.partybuilding;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of the code, checked: features (top-level packages, in every module)
 * depend on each other without cycles; the points engine's core is plain Java; the
 * engines know nothing of the application or of their HTTP edges, which live in the
 * {@code web} package of each engine's namespace.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.partybuilding");

	private static final String[] NAMESPACES = { "cn.partybuilding.points..", "cn.partybuilding.notification.." };

	private static final String[] EDGES = { "cn.partybuilding.points.web..", "cn.partybuilding.notification.web.." };

	/**
	 * The engines proper: their namespaces without the HTTP edges the application adds to
	 * them.
	 */
	static final DescribedPredicate<JavaClass> ENGINES = resideInAnyPackage(NAMESPACES)
		.and(not(resideInAnyPackage(EDGES)))
		.as("are in the points or notification engine (outside their web packages)");

	/** The application's features: every package outside the engines' namespaces. */
	static final DescribedPredicate<JavaClass> APPLICATION = resideInAPackage("cn.partybuilding..")
		.and(not(resideInAnyPackage(NAMESPACES)))
		.as("are in the application (web, security, auth, member, org, system and the other features)");

	@Test
	void featuresAreFreeOfCycles() {
		slices().matching("cn.partybuilding.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void featuresInsideTheEnginesAreFreeOfCycles() {
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
	void theEnginesDoNotReachIntoTheApplication() {
		noClasses().that(ENGINES).should().dependOnClassesThat(APPLICATION).check(CLASSES);
	}

	@Test
	void theEnginesDoNotDependOnTheirHttpEdges() {
		noClasses().that(ENGINES).should().dependOnClassesThat().resideInAnyPackage(EDGES).check(CLASSES);
	}

	@Test
	void controllersOfTheEnginesLiveInTheirWebPackages() {
		noClasses().that(ENGINES)
			.should()
			.beMetaAnnotatedWith(Controller.class)
			.orShould()
			.haveSimpleNameEndingWith("Controller")
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
