package fr.assurancemaladie.rgpd.rights.deadline.law;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A French département where a caisse is, by its official code: "01"…"95" (no "20": Corsica is "2A" and "2B"),
 * and the overseas départements served by a CGSS or the CSS: "971" Guadeloupe, "972" Martinique, "973" Guyane,
 * "974" La Réunion, "976" Mayotte. It decides which public holidays count (Alsace-Moselle, abolition of slavery).
 */
public record Departement(String code) {

    private static final Pattern METROPOLE = Pattern.compile("0[1-9]|1[0-9]|2[AB1-9]|[3-8][0-9]|9[0-5]");
    private static final Pattern OVERSEAS = Pattern.compile("97[1-46]");

    public Departement {
        if (code == null || !(METROPOLE.matcher(code).matches() || OVERSEAS.matcher(code).matches())) {
            throw new IllegalArgumentException("Unknown département code: " + code);
        }
    }

    /** Parses "57", "7" (→ "07"), "2a" (→ "2A"), "972"; empty when it is not a département served by a caisse. */
    public static Optional<Departement> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 1 && Character.isDigit(code.charAt(0))) {
            code = "0" + code;
        }
        if (METROPOLE.matcher(code).matches() || OVERSEAS.matcher(code).matches()) {
            return Optional.of(new Departement(code));
        }
        return Optional.empty();
    }

    /** Moselle, Bas-Rhin, Haut-Rhin: local law adds Good Friday and 26 December. */
    public boolean alsaceMoselle() {
        return code.equals("57") || code.equals("67") || code.equals("68");
    }

    public boolean overseas() {
        return code.startsWith("97");
    }

    @Override
    public String toString() {
        return code;
    }
}
