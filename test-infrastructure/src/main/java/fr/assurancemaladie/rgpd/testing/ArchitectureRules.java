package fr.assurancemaladie.rgpd.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The layers every service keeps, checked by each service's {@code ArchitectureTest}:
 * <ul>
 * <li><b>the law is plain Java</b>: a class in a {@code ..law..} package (deadline, applicability, routing, request
 * workflow, retention execution, publisher scopes) depends only on the JDK, on other law classes and on the event
 * contracts — no framework, no database, no HTTP, no JSON library;</li>
 * <li><b>resources are thin</b>: a JAX-RS resource (a class annotated {@code @Path}) runs no SQL (no JDBC, no
 * DataSource, no EntityManager, no Panache query) and handles no transaction;</li>
 * <li><b>one way to run a transaction</b>: JTA ({@code @Transactional}, {@code QuarkusTransaction}); no code commits
 * or rolls back a JDBC connection by hand;</li>
 * <li><b>settings are typed</b>: the platform's own settings ({@code rgpd.*}) are read through a
 * {@code @ConfigMapping}, never injected one by one with {@code @ConfigProperty}.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    private static String[] law(String[] jdk) {
        String[] all = java.util.Arrays.copyOf(jdk, jdk.length + 2);
        all[jdk.length] = "..law..";
        all[jdk.length + 1] = "fr.assurancemaladie.rgpd.events..";
        return all;
    }

    /** The service's own classes (not its tests, not its libraries). */
    public static JavaClasses of(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(rootPackage);
    }

    /** The parts of the JDK the law may use: no JDBC ({@code java.sql}), no network, no files. */
    static final String[] JDK_WITHOUT_IO = { "java.lang..", "java.util..", "java.time..", "java.math..", "java.text.." };

    public static final ArchRule LAW_IS_PLAIN_JAVA = classes().that().resideInAPackage("..law..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(law(JDK_WITHOUT_IO))
            .as("the law (classes in ..law.. packages) depends only on the JDK (no JDBC, no network, no files), the law"
                    + " and the event contracts")
            .allowEmptyShould(true);

    /** Panache's query and write methods, on an entity or on {@code Panache} itself. */
    static final DescribedPredicate<JavaMethodCall> PANACHE_QUERY = new DescribedPredicate<>("a Panache query") {
        @Override
        public boolean test(JavaMethodCall call) {
            JavaClass owner = call.getTargetOwner();
            boolean panache = owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                    || owner.getPackageName().startsWith("io.quarkus.hibernate.orm.panache");
            return panache && java.util.Set.of("find", "findAll", "findById", "findByIdOptional", "list", "listAll",
                    "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update", "persist",
                    "persistAndFlush", "flush", "getEntityManager").contains(call.getName());
        }
    };

    public static final ArchRule RESOURCES_RUN_NO_SQL = noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..",
                    "org.hibernate..", "jakarta.persistence..", "jakarta.transaction..", "io.quarkus.narayana..")
            .orShould().callMethodWhere(PANACHE_QUERY)
            .as("resources run no SQL and handle no transaction (JDBC, DataSource, JPA, Panache queries, JTA)")
            .allowEmptyShould(true);

    public static final ArchRule RESOURCES_OPEN_NO_TRANSACTION = methods().that().areDeclaredInClassesThat()
            .areAnnotatedWith("jakarta.ws.rs.Path").should().notBeAnnotatedWith("jakarta.transaction.Transactional")
            .as("resource methods are not @Transactional (the service they call is)").allowEmptyShould(true);

    public static final ArchRule NO_HAND_WRITTEN_COMMITS = noClasses().should().callMethod(java.sql.Connection.class,
            "commit").orShould().callMethod(java.sql.Connection.class, "rollback")
            .orShould().callMethod(java.sql.Connection.class, "setAutoCommit", boolean.class)
            .as("transactions are JTA transactions (@Transactional, QuarkusTransaction): no JDBC commit by hand");

    /** True for {@code @ConfigProperty(name = "rgpd.…")}: one of the platform's own settings. */
    static boolean ownSetting(JavaAnnotation<?> annotation) {
        return annotation.getRawType().getName().equals("org.eclipse.microprofile.config.inject.ConfigProperty")
                && String.valueOf(annotation.get("name").orElse("")).startsWith("rgpd.");
    }

    public static final ArchRule SETTINGS_ARE_TYPED = classes().should(
            new ArchCondition<JavaClass>("read no rgpd.* setting with @ConfigProperty") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaField f : c.getFields()) {
                        if (f.getAnnotations().stream().anyMatch(ArchitectureRules::ownSetting)) {
                            events.add(SimpleConditionEvent.violated(f, f.getFullName() + " is a @ConfigProperty"));
                        }
                    }
                    for (JavaCodeUnit u : c.getCodeUnits()) {
                        for (JavaParameter p : u.getParameters()) {
                            if (p.getAnnotations().stream().anyMatch(ArchitectureRules::ownSetting)) {
                                events.add(SimpleConditionEvent.violated(u, u.getFullName()
                                        + " takes a @ConfigProperty parameter"));
                            }
                        }
                    }
                }
            }).as("the platform's settings (rgpd.*) are read through a @ConfigMapping, not @ConfigProperty");

    public static final List<ArchRule> ALL = List.of(LAW_IS_PLAIN_JAVA, RESOURCES_RUN_NO_SQL,
            RESOURCES_OPEN_NO_TRANSACTION, NO_HAND_WRITTEN_COMMITS, SETTINGS_ARE_TYPED);

    /** Checks every rule on a service's classes; the failure lists the violations of all the rules broken. */
    public static void check(String rootPackage) {
        JavaClasses classes = of(rootPackage);
        if (classes.isEmpty()) {
            // a module without a law or without resources passes those rules; a wrong package name must not
            throw new AssertionError("No class of " + rootPackage + " to check");
        }
        CompositeArchRule.of(ALL).check(classes);
    }
}
