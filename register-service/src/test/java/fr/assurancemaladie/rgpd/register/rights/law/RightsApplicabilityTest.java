package fr.assurancemaladie.rgpd.register.rights.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.fiche.RightDecision;
import fr.assurancemaladie.rgpd.events.fiche.Rights.Right;
import fr.assurancemaladie.rgpd.events.fiche.Rights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RightsApplicabilityTest {

    private static final RightsApplicability LAW = new RightsApplicability();
    private static final List<String> USUAL = List.of("Conformément aux articles 5, 12, 13 ou 14 du RGPD, les "
            + "informations figurent sur ameli.fr.", "Les droits d'accès et de rectification s'exercent auprès du "
            + "directeur de la caisse de rattachement de la personne concernée en contactant le DPO de la caisse.");

    private static Rights decide(List<String> text, String objectionCell, String... articles) {
        return LAW.decide(LAW.stated(text, objectionCell), List.of(articles), text, objectionCell);
    }

    @Test
    void legalObligationExcludesObjectionErasureAndPortabilityButNotLimitation() {
        Rights r = decide(USUAL, "Obligation légale", "6-1-c");
        assertEquals(new RightDecision(false, false, r.objection().reason()), r.objection());
        assertTrue(r.objection().reason().contains("« Obligation légale »"), r.objection().reason());
        assertFalse(r.erasure().applies());
        assertNull(r.erasure().stated());
        assertTrue(r.erasure().reason().contains("article 17, paragraphe 3, b"));
        assertFalse(r.portability().applies());
        assertTrue(r.limitation().applies());
        assertNull(r.limitation().stated());
        assertTrue(r.access().stated());
        assertTrue(r.access().applies());
        assertTrue(r.rectification().reason().contains("Les droits d'accès et de rectification s'exercent"));
    }

    @Test
    void publicInterestWithoutExclusionOpensObjection() {
        Rights r = decide(USUAL, null, "6-1-e");
        assertNull(r.objection().stated());
        assertTrue(r.objection().applies());
        assertTrue(r.objection().reason().contains("mission d'intérêt public"));
        assertFalse(r.erasure().applies(), "art. 17(3)(b): public-interest mission");
    }

    @Test
    void legitimateInterestOpensObjectionAndErasure() {
        Rights r = decide(USUAL, null, "6-1-f");
        assertTrue(r.objection().applies());
        assertTrue(r.erasure().applies());
        assertFalse(r.portability().applies());
    }

    @Test
    void contractOrConsentOpensPortability() {
        assertTrue(decide(USUAL, null, "6-1-b").portability().applies());
        assertTrue(decide(USUAL, null, "6-1-a").portability().applies());
        assertFalse(decide(USUAL, null, "6-1-e").portability().applies());
    }

    @Test
    void anExclusionWithExceptionsSendsTheRequestToADpoQuotingThem() {
        String cell = "Droit d'opposition non applicable au regard de la mission d'intérêt public de l'Assurance "
                + "Maladie à l'exception de l'enregistrement des appels téléphoniques";
        Rights r = decide(USUAL, cell, "6-1-e");
        assertFalse(r.objection().stated(), "the fiche states the exclusion");
        assertTrue(r.objection().applies(), "but names exceptions: a DPO examines the request");
        assertTrue(r.objection().reason().contains("à l'exception de l'enregistrement des appels téléphoniques"));
        assertTrue(r.objection().reason().contains("examinée"));
    }

    @Test
    void aCellSayingHowTheRightIsExercisedOpensIt() {
        String cell = "Le droit d'opposition s'exerce dans la limite des dispositions normatives qui fixent pour mission "
                + "notamment à l'Assurance Maladie d'accompagner le professionnel dans sa pratique.";
        Rights r = decide(USUAL, cell, "6-1-e");
        assertTrue(r.objection().stated());
        assertTrue(r.objection().applies());
    }

    @Test
    void whatTheFicheStatesWinsOverTheGeneralRule() {
        List<String> text = List.of("Droit d'accès, de rectification ou de suppression portant sur les données "
                + "personnelles collectées s'exerce sur demande e-mail.");
        Rights r = decide(text, null, "6-1-e");
        assertTrue(r.erasure().stated());
        assertTrue(r.erasure().applies(), "the controller opens erasure although 6-1-e would exclude it");
        Map<Right, Boolean> stated = LAW.stated(List.of("Les droits d'accès, de rectification et d'opposition "
                + "s'exercent auprès du directeur."), null);
        assertTrue(stated.get(Right.OBJECTION));
        assertFalse(LAW.stated(List.of("Le droit d'opposition ne s'applique pas pour la gestion des démarches."), null)
                .get(Right.OBJECTION));
    }

    @Test
    void acrossTheWholeRegister() {
        int legalObligation = 0;
        for (fr.assurancemaladie.rgpd.register.fiche.Fiche f : fr.assurancemaladie.rgpd.register.importer.SeedDocument.FICHES) {
            Rights r = f.rights();
            String n = "fiche " + f.number();
            if ("Obligation légale".equals(f.objectionExclusionReason())) {
                legalObligation++;
                assertEquals(Boolean.FALSE, r.objection().stated(), n);
                assertFalse(r.objection().applies(), n);
                assertTrue(r.objection().reason().contains("« Obligation légale »"), n);
            }
            if (r.objection().applies()) {
                assertTrue(f.gdprArticles().contains("6-1-e") || f.gdprArticles().contains("6-1-f")
                        || Boolean.TRUE.equals(r.objection().stated()) || r.objection().reason().contains("exceptions"),
                        n + ": objection applies only on 6-1-e/f, an opening or named exceptions");
            }
            assertTrue(r.limitation().applies(), n + ": limitation unless the law says otherwise");
            assertTrue(r.access().applies() && r.rectification().applies(), n);
            if (!r.erasure().applies() && r.erasure().stated() == null) {
                assertTrue(f.gdprArticles().contains("6-1-c") || f.gdprArticles().contains("6-1-e"), n + ": art. 17(3)(b)");
            }
            for (Right right : Right.values()) {
                assertTrue(r.get(right).reason() != null && r.get(right).reason().length() > 20, n + " " + right);
            }
        }
        assertTrue(legalObligation >= 40, "most fiches rest on a legal obligation: " + legalObligation);
    }

    @Test
    void noLegalBasisKnownKeepsObjectionClosedWithAReason() {
        Rights r = decide(List.of(), null);
        assertFalse(r.objection().applies());
        assertTrue(r.objection().reason().contains("n'indique pas"));
        assertTrue(r.access().applies());
        assertTrue(r.limitation().applies());
    }
}
