package trisec.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The node's shape (docs/ARCHITECTURE.md), checked on its compiled classes so that a later change cannot quietly
 * break it: its packages form no cycle; the features sit on the transport and the log, never the other way round;
 * nothing below the edges knows the edges (the HTTP server, the API's routes, the pages); and the frameworks of
 * the edges stay there.
 */
@AnalyzeClasses(packages = "trisec.node", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package under trisec.node its own slice: base, store, log, federation, item, release, … */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("trisec.node.(*)..")
            .namingSlices("$1")
            .should().beFreeOfCycles();

    /**
     * Who may use whom. A feature (item, release, consent, agreement, person) sits on federation, the log, base
     * and the store; a consent may use items, and a release consents (it asks the originator) and items, never the reverse. The edges
     * (http, api, web) use the features, the node's root package wires everything, and nothing uses the root
     * but the demo.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("wiring").definedBy("trisec.node")
            .layer("demo").definedBy("trisec.node.demo..")
            .layer("http").definedBy("trisec.node.http..")
            .layer("api").definedBy("trisec.node.api..")
            .layer("web").definedBy("trisec.node.web..")
            .layer("interop").definedBy("trisec.node.interop..")
            .layer("warning").definedBy("trisec.node.warning..")
            .layer("consult").definedBy("trisec.node.consult..")
            .layer("option").definedBy("trisec.node.option..")
            .layer("agreement").definedBy("trisec.node.agreement..")
            .layer("consent").definedBy("trisec.node.consent..")
            .layer("release").definedBy("trisec.node.release..")
            .layer("item").definedBy("trisec.node.item..")
            .layer("person").definedBy("trisec.node.person..")
            .layer("federation").definedBy("trisec.node.federation..")
            .layer("log").definedBy("trisec.node.log..")
            .layer("base").definedBy("trisec.node.base..")
            .layer("store").definedBy("trisec.node.store..")
            .layer("keys").definedBy("trisec.node.keys..")
            .whereLayer("wiring").mayOnlyBeAccessedByLayers("demo")
            .whereLayer("demo").mayNotBeAccessedByAnyLayer()
            .whereLayer("keys").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("api").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("web").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("http").mayOnlyBeAccessedByLayers("wiring", "api", "web")
            .whereLayer("interop").mayOnlyBeAccessedByLayers("wiring", "api", "web")
            .whereLayer("warning").mayOnlyBeAccessedByLayers("wiring", "api", "web", "consult", "interop")
            .whereLayer("consult").mayOnlyBeAccessedByLayers("wiring", "api", "web", "interop")
            .whereLayer("option").mayOnlyBeAccessedByLayers("wiring", "api", "web", "interop")
            .whereLayer("agreement").mayOnlyBeAccessedByLayers("wiring", "api", "web")
            .whereLayer("release").mayOnlyBeAccessedByLayers("wiring", "api", "web", "warning", "consult", "option",
                    "interop")
            .whereLayer("consent").mayOnlyBeAccessedByLayers("wiring", "api", "web", "release", "interop")
            .whereLayer("item").mayOnlyBeAccessedByLayers("wiring", "api", "web", "release", "consent", "warning",
                    "consult", "option", "interop")
            .whereLayer("person").mayOnlyBeAccessedByLayers("wiring", "demo", "http", "api", "web", "item", "release",
                    "consent", "agreement", "warning", "consult", "option", "interop")
            .whereLayer("federation").mayOnlyBeAccessedByLayers("wiring", "api", "item", "release", "consent",
                    "agreement", "warning", "consult", "interop")
            .whereLayer("log").mayOnlyBeAccessedByLayers("wiring", "api", "web", "person", "federation", "item",
                    "release", "consent", "agreement", "warning", "consult", "interop")
            .whereLayer("base").mayOnlyBeAccessedByLayers("wiring", "demo", "http", "api", "web", "person",
                    "federation", "log", "item", "release", "consent", "agreement", "warning", "consult", "option",
                    "interop")
            .because("the features sit on the transport and the log, and only the edges know HTTP and pages");

    /** The web framework and the templates are the edges' business. */
    @ArchTest
    static final ArchRule javalinStaysAtTheEdges = noClasses()
            .that().resideOutsideOfPackages("trisec.node", "trisec.node.http..", "trisec.node.api..",
                    "trisec.node.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "gg.jte..", "org.eclipse.jetty..")
            .because("services answer with a Refusal and leave statuses, routes and pages to the edges");

    /** The import holds the node's main classes and not its tests: otherwise every rule above holds vacuously. */
    @ArchTest
    static void theRulesSeeTheNodesClassesAndNotItsTests(JavaClasses node) {
        assertThat(node.stream().map(JavaClass::getName))
                .contains("trisec.node.Node", "trisec.node.base.Refusal", "trisec.node.federation.Reception",
                        "trisec.node.release.Decisions", "trisec.node.http.HttpServer", "trisec.node.web.Pages")
                .doesNotContain(ArchitectureTest.class.getName(), "trisec.node.Cluster");
    }
}
