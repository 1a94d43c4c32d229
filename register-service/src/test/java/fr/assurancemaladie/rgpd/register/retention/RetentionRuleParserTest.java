package fr.assurancemaladie.rgpd.register.retention;

import static fr.assurancemaladie.rgpd.events.RetentionTrigger.ACCOUNT_CLOSURE;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.ACTION_END;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.CARD_ISSUANCE;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.COLLECTION;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.CONTRACT_END;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.DEATH;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.DEBT_EXTINCTION;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.DISMISSAL_DECISION;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.EMPLOYEE_DEPARTURE;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.FINAL_DECISION;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.LAST_CONTACT;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.LAST_SURVIVOR_RIGHTS_END;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.NEXT_TARGETING;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.PAYMENT;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.PENSION_LIQUIDATION;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.PRACTICE_END;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.PREVIOUS_PERIOD_END;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.PROCEEDINGS_END;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.RIGHTS_END;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.SUPPORT_END;
import static fr.assurancemaladie.rgpd.events.RetentionTrigger.TWENTY_EIGHTH_BIRTHDAY;
import static fr.assurancemaladie.rgpd.events.fiche.RuleStatus.IMPLICIT_TRIGGER;
import static fr.assurancemaladie.rgpd.events.fiche.RuleStatus.PARTIAL;
import static fr.assurancemaladie.rgpd.events.fiche.RuleStatus.STRUCTURED;
import static fr.assurancemaladie.rgpd.events.fiche.RuleStatus.UNSTRUCTURED;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.Fate;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionRuleParserTest {

    private final RetentionRuleParser parser = new RetentionRuleParser();

    private RetentionRule parse(String text) {
        return parser.parse(text, null);
    }

    private static void assertRule(RetentionRule rule, String duration, RetentionTrigger trigger, RuleStatus status) {
        assertAll(rule.text(),
                () -> assertEquals(duration, rule.duration(), "duration"),
                () -> assertEquals(trigger, rule.trigger(), "trigger"),
                () -> assertEquals(status, rule.status(), "status"));
    }

    @Nested
    class TriggerPhrasings {

        /** "N <unit> après/à compter de/à partir de/suivant/suite à <event>", one line per trigger code. */
        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                3 ans après la fin de validité des droits | P3Y | RIGHTS_END
                5 ans après la fin des droits du bénéficiaire | P5Y | RIGHTS_END
                5 ans à compter de l'intervention d'une décision définitive en cas de contentieux | P5Y | FINAL_DECISION
                20 ans après le décès de la victime, en l'absence d'ayants droit | P20Y | DEATH
                Les données concernant les prestations sont conservées 4 ans à partir de la date de versement. | P4Y | PAYMENT
                Le dossier du salarié est conservé 5 ans après son départ de l'organisme. | P5Y | EMPLOYEE_DEPARTURE
                5 ans après l'extinction des droits du dernier survivant parmi les ayants droit de la victime | P5Y | LAST_SURVIVOR_RIGHTS_END
                3 mois après leur collecte pour les données directement identifiantes | P3M | COLLECTION
                Elles sont conservées 18 mois à compter de la clôture de l'accompagnement. | P18M | SUPPORT_END
                3 ans après constatation de l'inactivité d'un professionnel n'ayant plus de patients éligibles | P3Y | PRACTICE_END
                Les données sont archivées 10 ans après la clôture du DMP. | P10Y | ACCOUNT_CLOSURE
                Le dossier médical est conservé pendant une durée de 20 ans à compter de la date du dernier séjour. | P20Y | LAST_STAY
                Les données sont conservées pendant 10 ans suivant la fin des actions contentieuses et leur exécution. | P10Y | PROCEEDINGS_END
                3 ans à compter du dernier événement ; | P3Y | LAST_ACTIVITY
                3 ans après la dernière opération enregistrée par l'assistante sociale | P3Y | LAST_ACTIVITY
                Pour les candidatures non retenues : 2 ans à compter du dernier contact | P2Y | LAST_CONTACT
                6 mois maximum à compter de la fin de l'état d'urgence sanitaire | P6M | HEALTH_EMERGENCY_END
                Les données contractuelles sont conservées 10 ans suite à la fin de l'exécution du contrat. | P10Y | CONTRACT_END
                Les données sont conservées au maximum 5 ans suivant la fin de la relation. | P5Y | RELATIONSHIP_END
                Les données sont conservées trois mois après émission de la carte. | P3M | CARD_ISSUANCE
                Les comptes rendus sont conservés 20 ans après leurs envois. | P20Y | DISPATCH
                3 ans après la liquidation de la pension de vieillesse du salarié | P3Y | PENSION_LIQUIDATION
                Pour les élections professionnelles, les listes électorales sont conservées 3 semaines après la proclamation des résultats. | P3W | RESULTS_PROCLAMATION
                Maximum 1 an après la fin de l'étude dans le cadre d'enquêtes | P1Y | STUDY_END
                """)
        void explicitEventIsStructured(String text, String duration, RetentionTrigger trigger) {
            RetentionRule rule = parse(text);
            assertRule(rule, duration, trigger, STRUCTURED);
            assertFalse(rule.needsReview());
        }

        @Test
        void dismissalDecision() {
            RetentionRule rule = parser.parse("Un an pour les dossiers classés sans suite par l'organisme ou ayant fait "
                    + "l'objet d'une décision de non-lieu ou de relaxe à compter de la date de cette décision ;",
                    "Les données de signalement des fautes, abus et fraudes et anomalies sont conservées pour des "
                            + "durées maximales de :");
            assertRule(rule, "P1Y", DISMISSAL_DECISION, STRUCTURED);
        }

        @Test
        void exceptionOfDismissedFilesIsNoDismissalDecision() {
            RetentionRule rule = parse("Au-delà de leur délai de conservation, les données mentionnées à l'exception "
                    + "des données relatives aux dossiers classés sans suite, peuvent être archivées pour une période "
                    + "de 5 ans maximum dans un environnement logique séparé, aux fins d'évaluation.");
            assertRule(rule, "P5Y", PREVIOUS_PERIOD_END, STRUCTURED);
            assertEquals(Fate.DESTRUCTION, rule.fate(), "the archiving period is the main one; nothing follows it");
        }

        /** Fiche 29: an explicit event beats "archivées". */
        @Test
        void fiche29ArchivedAfterDmpClosureIsAccountClosure() {
            RetentionRule rule = parse("Les données sont archivées 10 ans après la clôture du DMP (décès de la "
                    + "personne valant clôture) pour tout recours gracieux ou contentieux.");
            assertRule(rule, "P10Y", ACCOUNT_CLOSURE, STRUCTURED);
            assertEquals(Fate.DESTRUCTION, rule.fate());
            assertFalse(rule.untilFinalDecisionIfLitigation());
        }

        @Test
        void fiche29CurrentArchiveForTheLifetimeOfTheDmp() {
            RetentionRule rule = parse("Les données sont conservées en archive courante pour toute la durée du DMP.");
            assertRule(rule, "P0D", ACCOUNT_CLOSURE, STRUCTURED);
            assertEquals(Fate.ARCHIVE, rule.fate());
        }

        /** Fiche 32: the closure is named before the archiving period; deletion follows it. */
        @Test
        void eventBeforeTheDurationBeatsArchiving() {
            RetentionRule rule = parse("Conformément à l'article R-1113-36, à compter de la date de la clôture, les "
                    + "données contenues dans l'espace numérique de santé sont archivées pendant une période de 10 ans. "
                    + "Elles sont supprimées automatiquement au-delà de ce délai.");
            assertRule(rule, "P10Y", ACCOUNT_CLOSURE, STRUCTURED);
            assertEquals(Fate.DESTRUCTION, rule.fate());
        }

        @Test
        void archivingPeriodAfterTheMainOneIsPreviousPeriodEnd() {
            assertRule(parse("Archivage intermédiaire de 3 ans + année en cours pour données de consommation"),
                    "P3Y", PREVIOUS_PERIOD_END, STRUCTURED);
            assertRule(parse("Elles sont ensuite désidentifiées puis 3 ans après, elles font l'objet d'une purge "
                    + "automatique et mensuelle."), "P3Y", PREVIOUS_PERIOD_END, STRUCTURED);
        }

        /** Fiche 64: "supplémentaires" belongs to the second period; the first one has no event. */
        @Test
        void additionalPeriodDoesNotLeakIntoTheMainClause() {
            RetentionRule rule = parser.parse(
                    "3 ans pour les dossiers courants, 7 ans supplémentaires pour les dossiers spéciaux",
                    "Pour la médiation :");
            assertRule(rule, "P3Y", COLLECTION, IMPLICIT_TRIGGER);
            assertEquals("Pour la médiation", rule.scope());
        }

        @Test
        void eventFromTheParentScope() {
            RetentionRule rule = parser.parse("5 ans à des fins d'évaluation", "Au-delà de ce délai :");
            assertRule(rule, "P5Y", PREVIOUS_PERIOD_END, STRUCTURED);
            assertEquals("Au-delà de ce délai", rule.scope());
        }

        @Test
        void nearestEventAfterTheDurationWins() {
            RetentionRule rule = parse("Données relatives au C2P : 3 ans après la liquidation de la pension de "
                    + "vieillesse du salarié ou, le cas échéant, après son décès, ou jusqu'à l'intervention d'une "
                    + "décision définitive en cas de contentieux");
            assertRule(rule, "P3Y", PENSION_LIQUIDATION, STRUCTURED);
            assertTrue(rule.untilFinalDecisionIfLitigation());
            assertEquals("Données relatives au C2P", rule.scope());
        }

        /** Fiche 51: "moins de 10 ans après son dernier passage" is a condition; the retention is 10 years after death. */
        @Test
        void conditionIsNotTheRetention() {
            RetentionRule rule = parse("Dans tous les cas, si la personne titulaire du dossier décède moins de 10 ans "
                    + "après son dernier passage dans l'établissement, le dossier est conservé pendant une durée de "
                    + "10 ans à compter de la date du décès, en l'absence d'autre disposition réglementaire.");
            assertRule(rule, "P10Y", DEATH, STRUCTURED);
        }
    }

    @Nested
    class Durations {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                Les données sont conservées trois mois après émission de la carte. | P3M
                Un an pour les dossiers classés sans suite par le procureur de la République | P1Y
                Les données relatives aux contacts ne sont pas conservées plus de deux ans. | P2Y
                deux mois maximum en l'absence d'exploitation et 6 mois en cas d'exploitation | P2M
                dans la limite de 3 années à compter de la fermeture des droits | P3Y
                Dix-huit mois après la fin de la relation | P18M
                Pour les élections, les listes sont conservées 3 semaines après la proclamation des résultats. | P3W
                Données d'usage : 7 jours glissants | P7D
                Cookies : 60 jours | P60D
                Les informations sont conservées pour une durée maximale de 36 mois. | P36M
                """)
        void digitsWordsAndUnits(String text, String duration) {
            assertEquals(duration, parse(text).duration());
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                Les données utilisées pour les contrôles sont conservées au maximum 3 ans. | P3Y
                Une durée de conservation de 6 mois maximum est fixée. | P6M
                Les données relatives aux utilisateurs peuvent être conservées jusqu'à 12 mois. | P12M
                Historique des décomptes jusqu'à 27 mois pour les frais de santé et 6 mois pour les revenus | P27M
                Concernant les traces d'accès au dossier du bénéficiaire : dans la limite de 6 mois. | P6M
                """)
        void maximaCountAsTheDuration(String text, String duration) {
            RetentionRule rule = parse(text);
            assertRule(rule, duration, COLLECTION, IMPLICIT_TRIGGER);
            assertEquals(Fate.DESTRUCTION, rule.fate());
            assertTrue(rule.needsReview());
        }

        /** Fiche 3: "durée nécessaire" bounded by a limit counted from an event IS structured. */
        @Test
        void fiche3NecessaryDurationWithinALimit() {
            RetentionRule rule = parse("Les données sont conservées par l'Assurance Maladie pendant la durée "
                    + "nécessaire à la gestion des droits à la protection complémentaire et dans la limite de 3 années "
                    + "à compter de la fermeture des droits à la complémentaire santé.");
            assertRule(rule, "P3Y", RIGHTS_END, STRUCTURED);
            assertNull(rule.scope(), "'Les données' says nothing more than the register entry");
        }
    }

    @Nested
    class UntilTheEvent {

        @ParameterizedTest(name = "{0} → P0D {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                Les données relatives au contenu de la carte sont détruites après émission ou mise à jour. | CARD_ISSUANCE
                Les données sont conservées pendant toute la durée de l'action de santé publique. | ACTION_END
                Les données sont conservées pendant toute la durée de l'exercice du professionnel concerné. | PRACTICE_END
                Les résultats de vérification sont conservés jusqu'à la fin de cette obligation. | OBLIGATION_END
                La durée de conservation ne peut excéder la date d'expiration du contrat de sous-traitance souscrit | CONTRACT_END
                En cas de procédure disciplinaire, durée n'excédant pas les délais de procédures contentieuses | PROCEEDINGS_END
                Les données sont conservées pour la durée nécessaire à la gestion de la relation avec le bénéficiaire le temps de son affiliation. | RIGHTS_END
                """)
        void keptUntilTheEvent(String text, RetentionTrigger trigger) {
            assertRule(parse(text), "P0D", trigger, STRUCTURED);
        }

        @Test
        void untilNextTargetingBeatsTheLaterCap() {
            RetentionRule rule = parse("Les données issues de requêtes pour la réalisation du ciblage des dossiers à "
                    + "contrôler sont conservées jusqu'au ciblage suivant sur le même type de faute, abus ou fraude ou "
                    + "la même personne et pendant une durée qui ne peut excéder 3 ans.");
            assertRule(rule, "P0D", NEXT_TARGETING, STRUCTURED);
            assertEquals("Les données issues de requêtes pour la réalisation du ciblage des dossiers à contrôler",
                    rule.scope());
        }

        @Test
        void untilDebtExtinction() {
            RetentionRule rule = parse("Les durées de conservations des données sont celles déclarées dans le cadre "
                    + "des dispositifs à l'origine de la donnée. Le dossier est conservé tant qu'il n'est pas soldé. "
                    + "Le dossier est soldé lorsque la dette est éteinte.");
            assertRule(rule, "P0D", DEBT_EXTINCTION, STRUCTURED);
        }

        /** Fiche 51: "jusqu'à cette date" refers back to the event named earlier in the sentence. */
        @Test
        void untilThatDateRefersBack() {
            assertRule(parse("Lorsqu'en application des dispositions qui précèdent, la durée de conservation d'un "
                    + "dossier s'achève avant le vingt-huitième anniversaire de son titulaire, la conservation du "
                    + "dossier est prorogée jusqu'à cette date."), "P0D", TWENTY_EIGHTH_BIRTHDAY, PARTIAL);
            // a minimum that extends another rule: never a deletion date of its own
        }

        @Test
        void compoundNumberWordsAreWholeNumbers() {
            assertRule(parse("Les données sont conservées vingt-cinq ans après le décès."), "P25Y", DEATH, STRUCTURED);
            assertRule(parse("Conservation de trente-six mois après la date de versement."), "P36M", PAYMENT, STRUCTURED);
            assertRule(parse("vingt et un ans après la fin de validité des droits"), "P21Y", RIGHTS_END, STRUCTURED);
        }

        @Test
        void aStartTheVocabularyDoesNotKnowIsNotAnImplicitCollectionDate() {
            RetentionRule rule = parse("5 ans après la clôture du dossier de subvention");
            assertEquals("P5Y", rule.duration());
            assertEquals(null, rule.trigger());
            assertEquals(PARTIAL, rule.status());
        }

        @Test
        void lifetimeExtendedByAFurtherPeriod() {
            RetentionRule adherents = parser.parse("Toute la durée de l'accompagnement puis 3 ans à partir de la sortie "
                    + "du programme données conservées en base courante ;", "Pour les adhérents :");
            assertRule(adherents, "P3Y", SUPPORT_END, STRUCTURED);
            assertEquals(Fate.ARCHIVE, adherents.fate(), "kept 'en base courante': archiving follows");
            assertEquals("Pour les adhérents", adherents.scope());

            assertRule(parse("Les données des personnes concernées sont conservées pendant toute la durée de la "
                    + "campagne ou de l'action augmentée d'un délai de gestion de 12 mois."), "P12M", ACTION_END,
                    STRUCTURED);
        }

        @Test
        void practiceLifetimeThenDeathIsTheFirstClause() {
            assertRule(parse("Les données sont conservées pendant la durée de l'exercice professionnel et 10 ans au "
                    + "plus après le décès du professionnel."), "P0D", PRACTICE_END, STRUCTURED);
        }

        @Test
        void notKept() {
            RetentionRule rule = parse("Les données relatives aux bénéficiaires ne sont pas conservées dès lors qu'il "
                    + "s'agit d'un service d'appel de données.");
            assertRule(rule, "P0D", COLLECTION, IMPLICIT_TRIGGER);
            assertEquals(Fate.DESTRUCTION, rule.fate());
            assertEquals("Les données relatives aux bénéficiaires", rule.scope());

            // some data not kept, others kept: the kept data's period is the rule (never delete them before)
            assertRule(parse("Aucune conservation du matricule et des traits qualifiés par la Cnam. Conservation des "
                    + "traces pour 6 mois."), "P6M", COLLECTION, IMPLICIT_TRIGGER);
        }
    }

    @Nested
    class Litigation {

        @Test
        void secondaryFinalDecisionClauseSetsTheFlag() {
            RetentionRule rule = parse("5 ans après la fin de validité des droits ou jusqu'à l'intervention d'une "
                    + "décision définitive en cas de contentieux");
            assertRule(rule, "P5Y", RIGHTS_END, STRUCTURED);
            assertTrue(rule.untilFinalDecisionIfLitigation());
        }

        @Test
        void litigationSentenceAfterTheMainOne() {
            RetentionRule rule = parse("Pour les données médicales : le dossier médical constitué dans l'établissement "
                    + "de santé est conservé pendant 20 ans à compter de la date du dernier séjour ou de la dernière "
                    + "consultation externe du patient, ou jusqu'à son 28ème anniversaire. En cas de recours contre un "
                    + "tiers ou contentieux, les données sont conservées jusqu'à l'intervention de la décision "
                    + "définitive.");
            assertRule(rule, "P20Y", RetentionTrigger.LAST_STAY, STRUCTURED);
            assertTrue(rule.untilFinalDecisionIfLitigation());
            assertEquals("Pour les données médicales", rule.scope());
        }

        @Test
        void finalDecisionAsTheMainTriggerDoesNotSetTheFlag() {
            RetentionRule rule = parse("5 ans après l'intervention d'une décision définitive en cas de contentieux.");
            assertRule(rule, "P5Y", FINAL_DECISION, STRUCTURED);
            assertFalse(rule.untilFinalDecisionIfLitigation());
        }

        @Test
        void untilFinalDecisionAsTheMainClauseThenArchived() {
            RetentionRule rule = parse("En outre, lorsqu'il existe un recours contre tiers ou un contentieux, les "
                    + "données sont conservées jusqu'à l'intervention de la décision définitive. Au-delà des délais "
                    + "susmentionnés, les données peuvent être archivées pendant 10 ans dans un environnement logique "
                    + "séparé.");
            assertRule(rule, "P0D", FINAL_DECISION, PARTIAL); // a minimum in case of litigation, not a deletion date
            assertFalse(rule.untilFinalDecisionIfLitigation());
            assertEquals(Fate.ARCHIVE, rule.fate());
        }
    }

    @Nested
    class Fates {

        @Test
        void archivedBeyondThePeriod() {
            RetentionRule rule = parse("Les données concernant les prestations sont conservées 3 ans à partir de la date "
                    + "de versement. Au-delà de ce délai, elles sont archivées pendant une durée de 10 ans.");
            assertRule(rule, "P3Y", PAYMENT, STRUCTURED);
            assertEquals(Fate.ARCHIVE, rule.fate());
            assertEquals("Les données concernant les prestations", rule.scope());
        }

        @Test
        void archivingOfOtherDataTwoSentencesLaterIsNotTheFate() {
            RetentionRule rule = parse("Les données d'identification des bénéficiaires sont conservées 5 ans après la "
                    + "fermeture des droits à l'Assurance Maladie de l'assuré ou de l'ayant droit ou jusqu'à "
                    + "l'intervention d'une décision définitive en cas de contentieux. Les données concernant les "
                    + "prestations sont conservées 3 ans à partir de la date de versement. Au-delà de ce délai, elles "
                    + "sont archivées pendant une durée de 10 ans.");
            assertRule(rule, "P5Y", RIGHTS_END, STRUCTURED);
            assertEquals(Fate.DESTRUCTION, rule.fate());
            assertTrue(rule.untilFinalDecisionIfLitigation());
            assertEquals("Les données d'identification des bénéficiaires", rule.scope());
        }

        @Test
        void archivedAfterTheDurationInTheSameSentence() {
            RetentionRule rule = parse("Les données sont conservées pendant 10 ans et archivées pendant 40 ans à des "
                    + "fins de gestion des cas particuliers.");
            assertRule(rule, "P10Y", COLLECTION, IMPLICIT_TRIGGER);
            assertEquals(Fate.ARCHIVE, rule.fate());
        }

        @Test
        void breakdownInParenthesesStaysInsideTheMainPeriod() {
            RetentionRule rule = parse("Pour les données de suivi des projets personnalisés et suivi individuels, 5 ans "
                    + "(2 ans actives puis 3 ans en archives) après la fin de l'accompagnement. Ces données sont "
                    + "supprimées sans délai en cas de décès de la personne concernée.");
            assertRule(rule, "P5Y", SUPPORT_END, STRUCTURED);
            assertEquals(Fate.DESTRUCTION, rule.fate());
            assertEquals("Pour les données de suivi des projets personnalisés et suivi individuels", rule.scope());
        }

        @Test
        void archivedWithinALimitAfterSupport() {
            RetentionRule rule = parse("Concernant les données relatives au bénéficiaire : dans la limite de 18 mois "
                    + "après la fin de l'action, à compter du moment où l'assistant(e) de service social estime que la "
                    + "situation qui lui a été soumise a trouvé sa solution. Au-delà de ce délai et sauf opposition de "
                    + "la part de l'assuré ou de l'ayant-droit, ces données peuvent être archivées dans la limite de 3 "
                    + "ans dans un environnement logique séparé.");
            assertRule(rule, "P18M", SUPPORT_END, STRUCTURED);
            assertEquals(Fate.ARCHIVE, rule.fate());
            assertEquals("Concernant les données relatives au bénéficiaire", rule.scope());
        }
    }

    @Nested
    class Scopes {

        @Test
        void fiche86SectionLabelInsideTheCell() {
            RetentionRule rule = parse("Durée de conservation : Videosurveillance : 1 mois");
            assertRule(rule, "P1M", COLLECTION, IMPLICIT_TRIGGER);
            assertEquals("Videosurveillance", rule.scope());
            assertEquals("Durée de conservation : Videosurveillance : 1 mois", rule.text());
        }

        @Test
        void shortLeadingLabel() {
            assertEquals("Cookies", parse("Cookies : 60 jours").scope());
            RetentionRule access = parse("Contrôle d'accès : 2 ans après le départ de l'agent, stagiaire, prestataire");
            assertEquals("Contrôle d'accès", access.scope());
            assertRule(access, "P2Y", EMPLOYEE_DEPARTURE, STRUCTURED);
        }

        /** Labels up to 12 words: fiche 27 tells its items apart only by them. */
        @Test
        void longerDataCategoryLabel() {
            RetentionRule rule = parse("Données relatives à la prévention de la désinsertion professionnelle : 2 ans");
            assertEquals("Données relatives à la prévention de la désinsertion professionnelle", rule.scope());
            assertRule(rule, "P2Y", COLLECTION, IMPLICIT_TRIGGER);
        }

        @Test
        void labelWithDigitsIsNoScope() {
            assertNull(parse("La durée de conservation du dossier médical est régie par l'article R. 1112-7 du Code de "
                    + "la santé publique (soit en principe : durée de conservation de 20 ans à compter de la date du "
                    + "dernier séjour du patient).").scope());
        }

        @Test
        void parentScopeIsCleaned() {
            RetentionRule rule = parser.parse("3 ans à compter du dernier événement ;", "  Pour les éligibles : ");
            assertEquals("Pour les éligibles", rule.scope());
        }

        @Test
        void leadingPourPhrase() {
            RetentionRule rule = parse("Pour les élections professionnelles, les listes électorales sont conservées 3 "
                    + "semaines après la proclamation des résultats.");
            assertEquals("Pour les élections professionnelles", rule.scope());
            assertEquals("Pour une campagne de promotion",
                    parse("Pour une campagne de promotion, la durée de conservation est fixée à 6 mois.").scope());
        }

        @Test
        void specificSubjectOnly() {
            assertEquals("Les données d'identification des bénéficiaires", parse("Les données d'identification des "
                    + "bénéficiaires sont conservées 5 ans après la fermeture des droits.").scope());
            assertEquals("Le dossier du salarié",
                    parse("Le dossier du salarié est conservé 5 ans après son départ de l'organisme.").scope());
            assertNull(parse("Elles sont conservées 18 mois à compter de la clôture de l'accompagnement.").scope());
            assertNull(parse("Les informations sont conservées pour une durée maximale de 36 mois.").scope());
            assertNull(parse("3 ans après la fin de validité des droits").scope());
        }
    }

    @Nested
    class Statuses {

        /** Fiche 30: a duration, but the start is "un évènement (clôture, décès, etc.)". */
        @Test
        void fiche30VagueItemIsPartial() {
            RetentionRule rule = parse("La durée moyenne est de 3 ans et peut aller jusqu'à 10 ans après un évènement "
                    + "(clôture, décès, etc.)");
            assertRule(rule, "P10Y", null, PARTIAL);
            assertEquals(Fate.DESTRUCTION, rule.fate());
            assertTrue(rule.needsReview());
        }

        @Test
        void lengthDependingOnTheProgrammeIsPartial() {
            assertRule(parse("Données relatives à aux programmes de prévention des risques professionnels : en fonction "
                    + "du programme de prévention. Maximum 20 ans pour suivi des mesures mises en place"), "P20Y", null,
                    PARTIAL);
        }

        @Test
        void archivingWithoutLengthIsPartial() {
            RetentionRule rule = parse("Les données sont conservées en archivage intermédiaire, dans un environnement "
                    + "logique séparé, à des fins de gestion des réclamations ou de contentieux.");
            assertRule(rule, null, PREVIOUS_PERIOD_END, PARTIAL);
            assertNull(rule.fate());
            assertFalse(rule.untilFinalDecisionIfLitigation());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                Les données sont conservées pour la durée nécessaire à la gestion de la relation avec l'employeur.
                Pour le reste des demandes : conservation selon les DUA.
                La destruction des documents doit se faire dans le respect du Code du Patrimoine.
                Les durées sont celles qui avaient fait l'objet d'une demande d'avis à la Cnil (Décret n° 2015-389 du 3 avril 2015).
                Les actions des agents sont conservées sur la même durée que les données nécessaires à la gestion.
                Dans le cas d'expérimentations, les délais de conservation peuvent être supérieurs et définis pour chacune d'elles
                Lors de la clôture de son espace, l'utilisateur peut demander la suppression des données avant l'expiration du délai des 10 ans.
                Les mesures sont prises pour qu'elles ne soient pas conservées au-delà de la durée nécessaire.
                """)
        void noStatableDurationIsUnstructured(String text) {
            RetentionRule rule = parse(text);
            assertRule(rule, null, null, UNSTRUCTURED);
            assertNull(rule.fate());
            assertTrue(rule.needsReview());
        }
    }

    @Test
    void textIsKeptUnchangedAndNullIsRejected() {
        String text = "Les données sont conservées 12 mois conformément à la Politique de Sécurité (PSSI-MCAS).";
        assertSame(text, parse(text).text());
        assertThrows(NullPointerException.class, () -> parser.parse(null, null));
    }

    @Test
    void emptyItemIsUnstructured() {
        RetentionRule rule = parse("");
        assertRule(rule, null, null, UNSTRUCTURED);
        assertNull(rule.scope());
    }

    @Test
    void typographicApostrophesAreRead() {
        assertRule(parse("5 ans après l\u2019intervention d\u2019une décision définitive"), "P5Y", FINAL_DECISION,
                STRUCTURED);
    }
}
