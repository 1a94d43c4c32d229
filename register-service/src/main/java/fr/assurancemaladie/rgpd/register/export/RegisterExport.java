package fr.assurancemaladie.rgpd.register.export;

import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RightDecision;
import fr.assurancemaladie.rgpd.events.fiche.Rights.Right;
import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The register as documents for the CNIL and the public: CSV (one line per fiche), Markdown, and a printable HTML
 * page (a table of contents by domain, one section per fiche). Pure Java; the input is the published fiches in
 * number order.
 */
public final class RegisterExport {

    private static final Pattern PERIOD = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?");
    private static final String SEP = " | ";

    private RegisterExport() {
    }

    // ---- CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the accents; list items joined by " | ")

    public static String csv(List<Fiche> fiches) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, List.of("number", "version", "domainCode", "domain", "title", "subPurposes", "legalBases",
                "gdprArticles", "dataSubjectCategories", "dataTypes", "recipients", "accessors", "retentionRules",
                "access", "rectification", "erasure", "limitation", "objection", "portability",
                "objectionExclusionReason", "securityMeasures"));
        for (Fiche f : fiches) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(f.number()),
                    f.version() == null ? "" : String.valueOf(f.version()), nz(f.domainCode()), nz(f.domain()),
                    nz(f.title()), join(f.subPurposes()), join(f.legalBases().stream().map(LegalBasis::text).toList()),
                    join(f.gdprArticles()), join(f.dataSubjectCategories()), join(f.dataTypes()), join(f.recipients()),
                    join(f.accessors()), join(f.retentionRules().stream().map(RegisterExport::ruleLine).toList())));
            for (Right r : Right.values()) {
                RightDecision d = f.rights() == null ? null : f.rights().get(r);
                cells.add(d == null ? "" : d.applies() ? "oui" : "non");
            }
            cells.add(nz(f.objectionExclusionReason()));
            cells.add(join(f.securityMeasures()));
            row(out, cells);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c; // a cell is text, never a spreadsheet formula (CSV injection)
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }

    // ---- Markdown

    public static String markdown(List<Fiche> fiches, LocalDate asOf) {
        StringBuilder md = new StringBuilder();
        md.append("# Registre des traitements de données personnelles de l'Assurance Maladie\n\n");
        md.append("Version publiée au ").append(asOf).append(" — ").append(fiches.size()).append(" fiches.\n\n");
        for (Map.Entry<String, List<Fiche>> domain : byDomain(fiches).entrySet()) {
            md.append("## ").append(domain.getKey()).append("\n\n");
            for (Fiche f : domain.getValue()) {
                md.append("### Fiche ").append(f.number()).append(" — ").append(titleOf(f)).append("\n\n");
                mdList(md, "Sous-finalités", f.subPurposes());
                mdList(md, "Fondements juridiques", f.legalBases().stream().map(LegalBasis::text).toList());
                mdList(md, "Catégories de personnes concernées", f.dataSubjectCategories());
                mdList(md, "Types de données", f.dataTypes());
                mdList(md, "Destinataires", f.recipients());
                mdList(md, "Personnes accédant aux données", f.accessors());
                mdList(md, "Durées de conservation", f.retentionRules().stream().map(RegisterExport::ruleLine).toList());
                md.append("**Droits**\n\n");
                for (Right r : Right.values()) {
                    RightDecision d = f.rights() == null ? null : f.rights().get(r);
                    if (d != null) {
                        md.append("- ").append(rightLabel(r)).append(" : ").append(d.applies() ? "oui" : "non")
                                .append(" — ").append(d.reason()).append('\n');
                    }
                }
                md.append('\n');
                if (f.objectionExclusionReason() != null) {
                    md.append("**Justification de l'absence du droit d'opposition** : ")
                            .append(f.objectionExclusionReason()).append("\n\n");
                }
                mdList(md, "Sécurité des données", f.securityMeasures());
            }
        }
        return md.toString();
    }

    private static void mdList(StringBuilder md, String label, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("**").append(label).append("**\n\n");
        items.forEach(i -> md.append("- ").append(i.replace("\n", " ")).append('\n'));
        md.append('\n');
    }

    // ---- HTML (printable)

    public static String html(List<Fiche> fiches, LocalDate asOf) {
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Registre des traitements — Assurance Maladie</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.4}")
                .append("h1{font-size:1.6rem}h2{border-bottom:2px solid #036;color:#036;margin-top:2rem}")
                .append("section.fiche{border-top:1px solid #999;padding-top:.5rem}")
                .append("table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #bbb;padding:.25rem;")
                .append("vertical-align:top;text-align:left}.non{color:#a00}.oui{color:#060}.review{color:#a60}")
                .append("@media print{section.fiche{break-before:page}nav{break-after:page}a{color:inherit}}")
                .append("\n</style>\n</head>\n<body>\n")
                .append("<h1>Registre des traitements de données personnelles de l'Assurance Maladie</h1>\n")
                .append("<p>Version publiée au ").append(asOf).append(" — ").append(fiches.size()).append(" fiches.</p>\n");
        Map<String, List<Fiche>> domains = byDomain(fiches);
        h.append("<nav>\n<h2>Sommaire</h2>\n<ol>\n");
        for (Map.Entry<String, List<Fiche>> d : domains.entrySet()) {
            h.append("<li>").append(esc(d.getKey())).append("\n<ul>\n");
            for (Fiche f : d.getValue()) {
                h.append("<li><a href=\"#fiche-").append(f.number()).append("\">Fiche ").append(f.number())
                        .append(" — ").append(esc(titleOf(f))).append("</a></li>\n");
            }
            h.append("</ul></li>\n");
        }
        h.append("</ol>\n</nav>\n");
        for (Map.Entry<String, List<Fiche>> d : domains.entrySet()) {
            h.append("<h2>").append(esc(d.getKey())).append("</h2>\n");
            for (Fiche f : d.getValue()) {
                h.append("<section class=\"fiche\" id=\"fiche-").append(f.number()).append("\">\n<h3>Fiche ")
                        .append(f.number()).append(" — ").append(esc(titleOf(f))).append("</h3>\n");
                if (f.version() != null) {
                    h.append("<p>Version ").append(f.version()).append("</p>\n");
                }
                htmlList(h, "Sous-finalités", f.subPurposes());
                htmlList(h, "Fondements juridiques", f.legalBases().stream().map(LegalBasis::text).toList());
                htmlList(h, "Catégories de personnes concernées", f.dataSubjectCategories());
                htmlList(h, "Types de données", f.dataTypes());
                htmlList(h, "Destinataires des données", f.recipients());
                htmlList(h, "Personnes accédant aux données", f.accessors());
                h.append("<h4>Durées de conservation</h4>\n<table><tr><th>Règle</th><th>Durée</th><th>À compter de</th>")
                        .append("<th>Sort final</th><th>Statut</th></tr>\n");
                for (RetentionRule r : f.retentionRules()) {
                    h.append("<tr><td>").append(esc(r.text())).append(r.scope() == null ? ""
                            : "<br><small>Périmètre : " + esc(r.scope()) + "</small>").append("</td><td>")
                            .append(esc(frenchDuration(r.duration()))).append("</td><td>")
                            .append(r.trigger() == null ? "" : esc(r.trigger().label()))
                            .append(r.untilFinalDecisionIfLitigation() ? "<br><small>ou jusqu'à décision définitive en cas de contentieux</small>" : "")
                            .append("</td><td>").append(r.fate() == null ? "" : r.fate().name().equals("ARCHIVE") ? "Archivage" : "Destruction")
                            .append("</td><td").append(r.needsReview() ? " class=\"review\">à revoir" : ">structurée")
                            .append("</td></tr>\n");
                }
                h.append("</table>\n<h4>Droits des personnes concernées</h4>\n<table>\n");
                for (Right r : Right.values()) {
                    RightDecision rd = f.rights() == null ? null : f.rights().get(r);
                    if (rd != null) {
                        h.append("<tr><th>").append(rightLabel(r)).append("</th><td class=\"").append(rd.applies() ? "oui\">oui" : "non\">non")
                                .append("</td><td>").append(esc(rd.reason())).append("</td></tr>\n");
                    }
                }
                h.append("</table>\n");
                htmlList(h, "Information et exercice des droits", f.rightsText());
                if (f.objectionExclusionReason() != null) {
                    h.append("<h4>Justification de l'absence du droit d'opposition</h4>\n<p>")
                            .append(esc(f.objectionExclusionReason())).append("</p>\n");
                }
                htmlList(h, "Sécurité des données", f.securityMeasures());
                h.append("</section>\n");
            }
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void htmlList(StringBuilder h, String label, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        h.append("<h4>").append(esc(label)).append("</h4>\n<ul>\n");
        items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>\n"));
        h.append("</ul>\n");
    }

    // ---- shared

    static Map<String, List<Fiche>> byDomain(List<Fiche> fiches) {
        Map<String, List<Fiche>> domains = new LinkedHashMap<>();
        fiches.stream().sorted(java.util.Comparator.comparing((Fiche f) -> nz(f.domainCode())).thenComparingInt(Fiche::number))
                .forEach(f -> domains.computeIfAbsent(nz(f.domainCode()) + " — " + nz(f.domain()), k -> new ArrayList<>()).add(f));
        return domains;
    }

    static String titleOf(Fiche f) {
        return f.title() == null ? "(sans titre dans le registre)" : f.title();
    }

    static String ruleLine(RetentionRule r) {
        StringBuilder s = new StringBuilder(r.text());
        if (r.duration() != null || r.trigger() != null) {
            s.append(" [").append(frenchDuration(r.duration()));
            if (r.trigger() != null) {
                s.append(" à compter de : ").append(r.trigger().label());
            }
            s.append(']');
        }
        return s.toString();
    }

    /** "P3Y" → "3 ans", "P6M" → "6 mois", "P0D" → "jusqu'à l'événement". */
    public static String frenchDuration(String iso) {
        if (iso == null) {
            return "non précisée";
        }
        if (iso.equals("P0D")) {
            return "jusqu'à l'événement";
        }
        Matcher m = PERIOD.matcher(iso);
        if (!m.matches()) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        unit(parts, m.group(1), "an", "ans");
        unit(parts, m.group(2), "mois", "mois");
        unit(parts, m.group(3), "semaine", "semaines");
        unit(parts, m.group(4), "jour", "jours");
        return String.join(" et ", parts);
    }

    private static void unit(List<String> parts, String n, String one, String many) {
        if (n != null && !n.equals("0")) {
            parts.add(n + " " + (n.equals("1") ? one : many));
        }
    }

    static String rightLabel(Right r) {
        return switch (r) {
            case ACCESS -> "Accès";
            case RECTIFICATION -> "Rectification";
            case ERASURE -> "Effacement";
            case LIMITATION -> "Limitation";
            case OBJECTION -> "Opposition";
            case PORTABILITY -> "Portabilité";
        };
    }

    static String join(List<String> items) {
        return String.join(SEP, items);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
