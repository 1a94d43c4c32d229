package fr.assurancemaladie.rgpd.portal.web;

import jakarta.ws.rs.core.Response;

/** How the portal hands out a letter: its own page, shown as it is and running nothing, or its PDF. */
public final class LetterResponses {

    /** The letter's page may style itself and nothing else: no script, no request elsewhere, a sandboxed document. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private LetterResponses() {
    }

    public static Response page(String html) {
        return Response.ok(html, "text/html; charset=utf-8").header("Content-Security-Policy", CSP).build();
    }

    public static Response pdf(byte[] pdf, String letterId) {
        return Response.ok(pdf, "application/pdf").header("Content-Disposition",
                "attachment; filename=\"courrier-" + letterId.substring(0, 8) + ".pdf\"").build();
    }
}
