package fr.assurancemaladie.rgpd.support.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextHygieneTest {

    @Test
    void freeTextKeepsItsLayoutButNoOtherControlCharacter() {
        assertTrue(TextHygiene.isCleanText("12 rue de la Paix\n75002 Paris\ttél. 01 02"));
        assertTrue(TextHygiene.isCleanText("Réclamation — délai dépassé 😀"));
        assertTrue(TextHygiene.isCleanText(null));
        for (String bad : new String[] {"a\u0000b", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085",
                "lone\ud800surrogate", "\udc00"}) {
            assertFalse(TextHygiene.isCleanText(bad), bad);
        }
    }

    @Test
    void aLineHasNoControlCharacterAtAll() {
        assertTrue(TextHygiene.isCleanLine("CPAM-75"));
        assertFalse(TextHygiene.isCleanLine("CPAM-75\n2026-01-01 ERROR forged"));
        assertFalse(TextHygiene.isCleanLine("tab\there"));
        assertFalse(TextHygiene.isCleanLine("cr\r"));
    }

    @Test
    void theRefusalNamesTheCodePointNeverTheCharacter() {
        String refusal = TextHygiene.refusal("« reason »", "ok\u001b", true);
        assertEquals("« reason » contient un caractère interdit (U+001B, position 3) : les caractères de contrôle "
                + "sont refusés, sauf la tabulation et le retour à la ligne.", refusal);
    }

    @Test
    void anExcerptIsShortAndCannotForgeALine() {
        assertEquals("abc", Excerpt.of("abc"));
        assertEquals("a\\u000Ab\\u0000\\\\", Excerpt.of("a\nb\u0000\\"));
        String million = "x".repeat(1_000_000);
        assertEquals("x".repeat(64) + "… (1000000 caractères)", Excerpt.of(million));
        assertEquals("\\u202Eevil", Excerpt.of("\u202Eevil"));
    }
}
