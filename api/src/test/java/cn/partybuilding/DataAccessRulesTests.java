package cn.partybuilding;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One rule for SQL: a class that takes a {@link DatabaseClient} is a package-private
 * {@code @Repository} named {@code …Repository}, and services and components hold no SQL,
 * so "repositories stay inside their feature" cannot be dodged by choosing another
 * stereotype.
 *
 * <p>
 * Checked for now in the engine modules' feature packages,
 * {@code cn.partybuilding.points.*} and {@code cn.partybuilding.notification.*}, without
 * their HTTP edges ({@code ..web..}): the points feature's edge in the api module still
 * shares the package {@code cn.partybuilding.points} with the engine.
 */
class DataAccessRulesTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.partybuilding.points", "cn.partybuilding.notification");

	private static final String[] CHECKED = { "cn.partybuilding.points.(*)..", "cn.partybuilding.notification.(*).." };

	private static final DescribedPredicate<JavaClass> TAKE_A_DATABASE_CLIENT = DescribedPredicate.describe(
			"take a DatabaseClient",
			(javaClass) -> javaClass.getDirectDependenciesFromSelf()
				.stream()
				.anyMatch((dependency) -> dependency.getTargetClass().isEquivalentTo(DatabaseClient.class)));

	@Test
	void classesThatTakeADatabaseClientArePackagePrivateRepositories() {
		classes().that()
			.resideInAnyPackage(CHECKED)
			.and()
			.resideOutsideOfPackage("..web..")
			.and(TAKE_A_DATABASE_CLIENT)
			.should()
			.beAnnotatedWith(Repository.class)
			.andShould()
			.haveSimpleNameEndingWith("Repository")
			.andShould()
			.notBePublic()
			.check(CLASSES);
	}

	@Test
	void servicesAndComponentsHoldNoSql() {
		noClasses().that()
			.resideInAnyPackage(CHECKED)
			.and()
			.resideOutsideOfPackage("..web..")
			.and(annotatedWith(Service.class).or(annotatedWith(Component.class)))
			.should()
			.dependOnClassesThat()
			.areAssignableTo(DatabaseClient.class)
			.check(CLASSES);
	}

}
