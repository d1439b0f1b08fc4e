package trisec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core's shape, checked on its compiled classes (not its tests): its packages do not depend on each other in a
 * circle, it uses nothing but the JDK, and it never touches files, which are the scenario module's and the node's.
 * module-info.java keeps core to the JDK's modules as it compiles; these rules say the same in terms of packages and
 * add what a module cannot say (no cycles, no file I/O inside java.base).
 */
@AnalyzeClasses(packages = "trisec", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package its own slice: trisec, trisec.agreement, trisec.audit.merkle, trisec.audit.note, … */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("(**)")
            .namingSlices("$1")
            .should().beFreeOfCycles();

    /**
     * The JDK's packages only: java.base's (java.., javax.crypto..) and java.xml's (javax.xml.., org.w3c.dom..,
     * org.xml.sax..), which STANAG 4774 labels are read with.
     */
    @ArchTest
    static final ArchRule coreDependsOnTheJdkOnly = classes()
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("trisec..", "java..", "javax.crypto..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..")
            .because("core is the domain and depends on nothing but the JDK");

    @ArchTest
    static final ArchRule coreTouchesNoFiles = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.nio.file..")
            .orShould().dependOnClassesThat(fileIo())
            .because("reading and writing files is the scenario module's and the node's (trisec.node.keys)");

    /** The import is core's main classes, all of them and nothing else: otherwise every rule above holds vacuously. */
    @ArchTest
    static void theRulesSeeCoresClassesAndNotItsTests(JavaClasses core) {
        assertThat(core.stream().map(JavaClass::getName))
                .contains("trisec.DomainException", "trisec.envelope.NodeKeys", "trisec.audit.note.LogKeys",
                        "trisec.scenario.Scenario", "trisec.policy.ReleasePolicy", "trisec.warning.MissileWarning")
                .doesNotContain(ArchitectureTest.class.getName(), "trisec.Fixtures")
                .allMatch(name -> name.startsWith("trisec.") || name.equals("module-info"));
    }

    /** java.io's files, streams, readers and writers on files, and channels on files. */
    private static DescribedPredicate<JavaClass> fileIo() {
        return DescribedPredicate.describe("are java.io.File*, java.io.RandomAccessFile or java.nio.channels.FileChannel",
                c -> (c.getPackageName().equals("java.io")
                                && (c.getSimpleName().startsWith("File") || c.getSimpleName().equals("RandomAccessFile")))
                        || c.getName().equals("java.nio.channels.FileChannel"));
    }
}
