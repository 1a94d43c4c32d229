package fr.assurancemaladie.rgpd.support.persistence;

/**
 * Every PostgreSQL advisory lock the platform takes, in one place: the first key of the two-key form
 * ({@code pg_advisory_xact_lock(int, int)}), never reused for two purposes. Each service has its own database, but the
 * keys are kept distinct across services too, so that a shared database would still be safe.
 */
public enum AdvisoryLock {

    /** register-service: the writers of one fiche (second key: the fiche number), for a transaction. */
    FICHE_WRITERS(1),
    /** register-service: imports of the register document, one at a time, for a transaction. */
    REGISTER_IMPORT(2),
    /** rights-service: the replica that relays rights.events (session lock, second key 0). */
    RIGHTS_RELAY(3),
    /** rights-service: a person's events, numbered in commit order (second key: hash of the subjectRef). */
    PERSON_EVENTS(4),
    /** register-service: the replica that relays register.fiches (session lock, second key 0). */
    REGISTER_RELAY(5),
    /** retention-service: the rule book; ingestion shares it, a rule change takes it alone (second key 0). */
    RULE_BOOK(6),
    /** rights-service: the replica that sends letters by e-mail (session lock, second key 0). */
    LETTER_RELAY(7);

    private final int key;

    AdvisoryLock(int key) {
        this.key = key;
    }

    public int key() {
        return key;
    }

    /** {@code pg_advisory_xact_lock(key, second)}: exclusive, until the transaction ends. */
    public String exclusive(String second) {
        return "pg_advisory_xact_lock(" + key + ", " + second + ")";
    }

    /** {@code pg_advisory_xact_lock_shared(key, second)}: shared, until the transaction ends. */
    public String shared(String second) {
        return "pg_advisory_xact_lock_shared(" + key + ", " + second + ")";
    }

    /** {@code pg_try_advisory_lock(key, second)}: a session lock, kept until released or the connection closes. */
    public String trySession(String second) {
        return "pg_try_advisory_lock(" + key + ", " + second + ")";
    }
}
