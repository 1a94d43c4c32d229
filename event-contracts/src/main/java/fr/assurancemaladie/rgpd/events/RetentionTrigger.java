package fr.assurancemaladie.rgpd.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The events a retention period runs from: the trigger vocabulary of the register's retention rules.
 *
 * <p>Each code has a lifecycle CloudEvent type, {@code fr.assurancemaladie.lifecycle.} + the code in lower-kebab
 * ({@code RIGHTS_END} → {@code rights-end}); see {@link EventTypes#lifecycleType(RetentionTrigger)}.
 */
public enum RetentionTrigger {
    // Required by the platform's contracts
    RIGHTS_END("Fin de validité ou fermeture des droits"),
    FINAL_DECISION("Décision définitive en cas de contentieux"),
    DEATH("Décès de la personne concernée"),
    PAYMENT("Date de versement ou de paiement"),
    EMPLOYEE_DEPARTURE("Départ de l'agent ou du salarié de l'organisme"),
    PREVIOUS_PERIOD_END("Fin de la durée de conservation précédente (archivage)"),
    LAST_SURVIVOR_RIGHTS_END("Extinction des droits du dernier ayant droit survivant"),
    COLLECTION("Collecte ou enregistrement des données"),
    // Other events the official register counts from (survey of its 171 retention items)
    SUPPORT_END("Fin ou clôture de l'accompagnement, sortie du programme"),
    PRACTICE_END("Fin d'exercice ou inactivité du professionnel de santé"),
    ACCOUNT_CLOSURE("Clôture du dossier, du compte ou de l'espace (DMP, Mon espace santé)"),
    LAST_STAY("Date du dernier séjour ou de la dernière consultation externe"),
    PROCEEDINGS_END("Fin des actions gracieuses ou contentieuses et de leur exécution"),
    LAST_ACTIVITY("Dernier événement ou dernière opération enregistrée"),
    LAST_CONTACT("Dernier contact ou dernière proposition d'adhésion"),
    ACTION_END("Fin de la campagne ou de l'action de santé publique"),
    TWENTY_EIGHTH_BIRTHDAY("Vingt-huitième anniversaire du titulaire"),
    HEALTH_EMERGENCY_END("Fin de l'état d'urgence sanitaire"),
    CONTRACT_END("Fin d'exécution ou expiration du contrat"),
    RELATIONSHIP_END("Fin de la relation ou de l'intervention"),
    DISMISSAL_DECISION("Décision de classement sans suite, de non-lieu ou de relaxe"),
    CARD_ISSUANCE("Émission ou mise à jour de la carte"),
    DISPATCH("Envoi des comptes rendus"),
    PENSION_LIQUIDATION("Liquidation de la pension de vieillesse"),
    DEBT_EXTINCTION("Extinction de la dette (dossier soldé)"),
    OBLIGATION_END("Fin de l'obligation (vaccinale)"),
    NEXT_TARGETING("Ciblage suivant"),
    RESULTS_PROCLAMATION("Proclamation des résultats (élections professionnelles)"),
    STUDY_END("Fin de l'étude ou de l'enquête");

    private final String label;

    RetentionTrigger(String label) {
        this.label = label;
    }

    /** French label, as a DPO reads it. */
    public String label() {
        return label;
    }

    /** Lower-kebab form used in lifecycle event types: {@code LAST_SURVIVOR_RIGHTS_END} → {@code last-survivor-rights-end}. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RetentionTrigger> fromEventName(String eventName) {
        return Arrays.stream(values()).filter(t -> t.eventName().equals(eventName)).findFirst();
    }

    public static Optional<RetentionTrigger> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
