package fr.assurancemaladie.rgpd.rights.request.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class RoutingTest {

    static final Set<Integer> NATIONAL = Set.of(29, 32, 37, 44, 45, 58, 59, 60, 61, 66, 67);
    static final ToIntFunction<Integer> SELF = Integer::intValue;

    @Test
    void aLocalFicheGoesToThePersonsCaisse() {
        assertEquals("CPAM-75", Routing.caisseFor(1, NATIONAL, "CPAM-75"));
        assertEquals(Map.of("CPAM-57", List.of(1)), Routing.route(List.of(1), SELF, NATIONAL, "CPAM-57"));
    }

    @Test
    void aNationalFicheGoesToTheCnamWhateverThePersonsCaisse() {
        assertEquals("CNAM", Routing.caisseFor(29, NATIONAL, "CPAM-75"));
        assertEquals("CNAM", Routing.caisseFor(67, NATIONAL, "CGSS-971"));
    }

    @Test
    void aMixedRequestIsSplitOnePerDpoInTheOrderOfItsFiches() {
        Map<String, List<Integer>> routed = Routing.route(List.of(1, 29, 2, 32, 3), SELF, NATIONAL, "CPAM-75");
        assertEquals(List.of("CPAM-75", "CNAM"), List.copyOf(routed.keySet()));
        assertEquals(List.of(1, 2, 3), routed.get("CPAM-75"));
        assertEquals(List.of(29, 32), routed.get("CNAM"));
        Map<String, List<Integer>> nationalFirst = Routing.route(List.of(44, 5), SELF, NATIONAL, "CPAM-75");
        assertEquals(List.of("CNAM", "CPAM-75"), List.copyOf(nationalFirst.keySet()));
    }

    @Test
    void withoutNationalFichesEverythingStaysWithTheCaisse() {
        assertEquals(Map.of("CPAM-75", List.of(29, 1)), Routing.route(List.of(29, 1), SELF, Set.of(), "CPAM-75"));
    }
}
