package fr.assurancemaladie.rgpd.rights.request.law;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Which DPO answers a request, fiche by fiche: a processing run nationally (the fiches listed in {@code
 * rgpd.rights.national-fiches}) is answered by the Cnam's DPO; every other one by the DPO of the person's caisse de
 * rattachement — the caisse of the person's account (or, for a request received by post or at the counter, the
 * caisse of the DPO who registers it), never a caisse guessed from the NIR. A request over fiches of both kinds
 * becomes one request per DPO, each with its own deadline.
 */
public final class Routing {

    /** The caisse code of the national fund (Caisse nationale de l'Assurance Maladie). */
    public static final String NATIONAL_CAISSE = "CNAM";

    private Routing() {
    }

    /** The caisse whose DPO answers for one fiche. */
    public static String caisseFor(int ficheNumber, Set<Integer> nationalFiches, String homeCaisse) {
        return nationalFiches.contains(ficheNumber) ? NATIONAL_CAISSE : homeCaisse;
    }

    /** The fiches of a request grouped by the caisse whose DPO answers them, in the order of their first fiche. */
    public static <F> Map<String, List<F>> route(List<F> fiches, ToIntFunction<F> number, Set<Integer> nationalFiches,
            String homeCaisse) {
        Map<String, List<F>> byCaisse = new LinkedHashMap<>();
        for (F f : fiches) {
            byCaisse.computeIfAbsent(caisseFor(number.applyAsInt(f), nationalFiches, homeCaisse),
                    k -> new ArrayList<>()).add(f);
        }
        return byCaisse;
    }
}
