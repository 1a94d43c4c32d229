package fr.assurancemaladie.rgpd.support.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON string the {@link TextHygiene} rule refuses; its message is the French refusal. */
public class InvalidTextException extends InvalidFormatException {

    public InvalidTextException(JsonParser parser, String refusal) {
        super(parser, refusal, null, String.class);
    }
}
