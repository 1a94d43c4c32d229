package fr.assurancemaladie.rgpd.register.importer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sections of a fiche, as the official document lays them out: a two-column table whose rows always pair the
 * same sections (sub-purposes | legal bases, people | data, recipients | accessors, retention | rights,
 * objection | security). The pairing lets the importer put a cell where it belongs when its label is wrong.
 */
public enum Section {
    SUB_PURPOSES("sous-?finalites?"),
    LEGAL_BASES("fondements? juridiques?"),
    DATA_SUBJECTS("categories de personnes concernees"),
    DATA_TYPES("types? de donnees"),
    RECIPIENTS("destinataires des donnees"),
    ACCESSORS("personnes accedant aux donnees"),
    RETENTION("duree de conservation"),
    RIGHTS("droits des personnes concernees"),
    OBJECTION("justification (?:de l')?absence du droit d'opposition"),
    SECURITY("securite des donnees"),
    CONTROLLER("responsables? (?:de|du) traitement");

    private final Pattern label;

    Section(String normalisedLabel) {
        this.label = Pattern.compile("^" + normalisedLabel + "(\\s*\\(suite\\))?\\s*:?$");
    }

    /** The section that the document always puts in the right-hand column next to this one, if any. */
    public Optional<Section> partner() {
        return Optional.ofNullable(switch (this) {
            case SUB_PURPOSES -> LEGAL_BASES;
            case DATA_SUBJECTS -> DATA_TYPES;
            case RECIPIENTS -> ACCESSORS;
            case RETENTION -> RIGHTS;
            case OBJECTION -> SECURITY;
            default -> null;
        });
    }

    /** True for the sections that open a row (left-hand column). */
    public boolean opensRow() {
        return partner().isPresent();
    }

    /** A recognised label: its section and whether it announced a continuation ("(suite)"). */
    public record Label(Section section, boolean continuation) {
    }

    /** Recognises a label whatever its accents, case, apostrophe or markup. */
    public static Optional<Label> recognise(String text) {
        String n = normalise(text);
        for (Section s : values()) {
            var m = s.label.matcher(n);
            if (m.matches()) {
                return Optional.of(new Label(s, m.group(1) != null));
            }
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String s = HtmlList.clean(text).replace('’', '\'').replace('‘', '\'');
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
