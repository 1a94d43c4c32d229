package fr.assurancemaladie.rgpd.support.messaging;

/**
 * A record that breaks its topic's contract: retrying cannot help, it goes to the dead-letter topic with this message
 * as the reason, and consumption goes on.
 */
public class InvalidRecord extends IllegalArgumentException {

    public InvalidRecord(String message) {
        super(message);
    }
}
