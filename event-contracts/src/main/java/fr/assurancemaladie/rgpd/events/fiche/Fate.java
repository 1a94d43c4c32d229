package fr.assurancemaladie.rgpd.events.fiche;

/** What happens to the data when the main retention period of a rule has run out. */
public enum Fate {
    /** The data are deleted (or anonymised) at the end of the period. */
    DESTRUCTION,
    /** The data move to an archive (intermediate archiving, separate logical environment) at the end of the period. */
    ARCHIVE
}
