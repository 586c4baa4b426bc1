package cn.partybuilding.points.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CoreArchitectureTests {

	private final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.partybuilding.points.core");

	@Test
	void theCoreUsesNothingButTheJdkLanguageMathTimeAndCollections() {
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("cn.partybuilding.points.core..", "java.lang..", "java.math..", "java.time..",
					"java.util..", "org.jspecify.annotations..")
			.check(this.core);
	}

	@Test
	void theCoreNeverReadsTheClock() {
		noClasses().should()
			.dependOnClassesThat()
			.areAssignableTo(Clock.class)
			.orShould()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.check(this.core);
	}

	@Test
	void theCoreHasNoMutableStaticState() {
		fields().that().areStatic().should().haveModifier(JavaModifier.FINAL).check(this.core);
	}

}
