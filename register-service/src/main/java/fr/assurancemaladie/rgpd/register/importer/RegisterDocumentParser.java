package fr.assurancemaladie.rgpd.register.importer;

import fr.assurancemaladie.rgpd.register.importer.HtmlList.Item;
import fr.assurancemaladie.rgpd.register.importer.ImportReport.Anomaly;
import fr.assurancemaladie.rgpd.register.importer.ImportReport.AnomalyKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the official register (a PDF converted to markdown with HTML table cells) into raw fiches: number,
 * domain, title and the items of every section, plus a report of every irregularity met.
 *
 * <p>How the document is read, line by line:
 * <ul>
 * <li>A page of a fiche starts with a heading "NN | DOMAINE – Fiche N" ({@code #}, {@code ##} or {@code ###}; the
 * domain code, the bar or the dash may be missing). The same number again is the next page of the same fiche.</li>
 * <li>A domain heading ("# 03 | **CONTRÔLE DES PRESTATIONS**") gives the canonical domain name.</li>
 * <li>Titles are {@code ##}/{@code ###} headings, italic lines ({@code *…*}, possibly over two lines) or plain
 * lines before the first table row. The first is the title; further lines on the first page are purpose
 * details; repeated titles on later pages are ignored.</li>
 * <li>Table rows: a row of labels (plain, {@code <b>} or {@code <p><b>}, tab-separated) followed by a row of
 * cells, or cells that carry their own label before their list. The right-hand column is always the partner of
 * the left-hand one ({@link Section#partner()}): a wrong right-hand label is reported and corrected.</li>
 * <li>A page without a fiche heading: a row that opens a section the current fiche already has (or a row after
 * a domain heading) starts the next fiche, whose number is inferred from the order.</li>
 * </ul>
 * Pure Java, no framework: {@link #parse(String)} is deterministic and thread-safe.
 */
public final class RegisterDocumentParser {

    private static final Pattern FICHE_HEADING = Pattern.compile("^#{1,3}\\s*(.*?)\\s*[–—-]\\s*Fiche\\s*(\\d{1,3})\\s*\\**\\s*$");
    private static final Pattern DOMAIN_PREFIX = Pattern.compile("^(\\d{2})\\s*\\|?\\s*(.*)$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s*(.*?)\\s*$");

    /** The result: fiches in document order and the report. */
    public record Result(List<RawFiche> fiches, ImportReport report) {
    }


    /** A fiche as read, before structuring. */
    public static final class RawFiche {
        public final int number;
        public final boolean numberInferred;
        public final int firstLine;
        String domainCode;
        String domain;
        String title;
        final List<String> purposeDetails = new ArrayList<>();
        final EnumMap<Section, List<Item>> sections = new EnumMap<>(Section.class);
        int pages = 1;
        boolean headingPageOpen; // true from a heading until the first table row of that page
        String headingDomainName;

        RawFiche(int number, boolean numberInferred, int firstLine) {
            this.number = number;
            this.numberInferred = numberInferred;
            this.firstLine = firstLine;
        }

        public String domainCode() {
            return domainCode;
        }

        public String title() {
            return title;
        }

        /** Canonical domain name (from the domain's heading, else the most frequent in its fiche headings). */
        public String domain() {
            return domain;
        }

        public List<String> purposeDetails() {
            return Collections.unmodifiableList(purposeDetails);
        }

        /** Items of a section (empty list if the section is absent or empty). */
        public List<Item> items(Section section) {
            return sections.getOrDefault(section, List.of());
        }

        public boolean has(Section section) {
            return sections.containsKey(section);
        }

        public int pages() {
            return pages;
        }
    }

    private record Cell(Optional<Section.Label> label, String content) {
        boolean hasContent() {
            return !content.isBlank();
        }
    }

    /** Parses a whole document. */
    public Result parse(String document) {
        return new Run(document).run();
    }

    private static final class Run {
        final String[] lines;
        final List<RawFiche> fiches = new ArrayList<>();
        final List<Anomaly> anomalies = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, String> domainNames = new HashMap<>(); // code → name from a domain heading
        final Map<String, Map<String, Integer>> headingNames = new HashMap<>(); // code → names in fiche headings
        RawFiche current;
        String domainCode; // code of the domain heading or fiche last seen
        boolean domainBoundary; // a domain heading came after the current fiche's last row
        final List<String> pendingTitles = new ArrayList<>();
        int pendingTitleLine;
        List<Section> pendingHeader; // a row of labels waiting for its row of cells
        int pendingHeaderLine;
        boolean pendingHeaderContinuation;

        Run(String document) {
            this.lines = document.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        }

        Result run() {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int lineNo = i + 1;
                if (line.isBlank()) {
                    continue;
                }
                String stripped = line.strip();
                Matcher fiche = FICHE_HEADING.matcher(stripped);
                if (fiche.matches()) {
                    closePendingHeader();
                    ficheHeading(lineNo, fiche.group(1), Integer.parseInt(fiche.group(2)));
                    continue;
                }
                Matcher heading = HEADING.matcher(stripped);
                if (heading.matches()) {
                    headingLine(lineNo, heading.group(1).length(), heading.group(2));
                    continue;
                }
                if (stripped.startsWith("*") && !line.contains("\t")) {
                    StringBuilder title = new StringBuilder(stripped);
                    while (!endsItalic(title) && i + 1 < lines.length && !lines[i + 1].isBlank()
                            && !lines[i + 1].startsWith("#")) {
                        title.append(' ').append(lines[++i].strip());
                    }
                    titleCandidate(lineNo, title.toString());
                    continue;
                }
                List<Cell> cells = cells(line);
                if (cells.stream().anyMatch(c -> c.label().isPresent())) {
                    closePendingHeader();
                    labelRow(lineNo, cells);
                } else if (line.contains("<ul") || line.contains("<li")) {
                    contentRow(lineNo, cells);
                } else {
                    plainLine(lineNo, stripped);
                }
            }
            closePendingHeader();
            return new Result(List.copyOf(fiches), report());
        }

        private static boolean endsItalic(CharSequence s) {
            String t = s.toString().strip();
            return t.length() > 1 && t.endsWith("*");
        }

        // ---- headings and titles

        void ficheHeading(int lineNo, String domainPart, int number) {
            String text = domainPart.replace("*", "").strip();
            String code = null;
            String name = text;
            Matcher m = DOMAIN_PREFIX.matcher(text);
            if (m.matches()) {
                code = m.group(1);
                name = m.group(2);
            }
            name = normaliseDomainName(name);
            if (current != null && current.number == number) {
                current.pages++;
                current.headingPageOpen = true;
                pendingTitles.clear();
                domainBoundary = false;
                return;
            }
            if (fiches.stream().anyMatch(f -> f.number == number)) {
                anomaly(lineNo, number, AnomalyKind.NUMBER_OUT_OF_ORDER,
                        "Le numéro de fiche " + number + " apparaît à nouveau après une autre fiche : page rattachée à une nouvelle fiche.");
            } else if (current != null && number != current.number + 1) {
                anomaly(lineNo, number, AnomalyKind.NUMBER_OUT_OF_ORDER,
                        "Fiche " + number + " après la fiche " + current.number + " : numérotation non continue.");
            }
            RawFiche f = new RawFiche(number, false, lineNo);
            f.headingPageOpen = true;
            f.headingDomainName = name;
            if (code == null) {
                code = codeOfDomainName(name);
                anomaly(lineNo, number, AnomalyKind.DOMAIN_CODE_INFERRED, code == null
                        ? "En-tête sans code de domaine et nom de domaine inconnu (« " + name + " »)."
                        : "En-tête sans code de domaine : code " + code + " déduit du nom « " + name + " ».");
                if (code == null) {
                    code = domainCode;
                }
            }
            f.domainCode = code;
            if (code != null) {
                headingNames.computeIfAbsent(code, k -> new LinkedHashMap<>()).merge(name, 1, Integer::sum);
            }
            domainCode = code;
            open(f);
        }

        void headingLine(int lineNo, int level, String text) {
            String bare = text.replace("*", "").strip();
            if (bare.isEmpty() || isFinalites(bare)) {
                return;
            }
            if (isUpperCase(bare)) {
                if (level == 1) {
                    Matcher m = DOMAIN_PREFIX.matcher(bare);
                    if (m.matches()) {
                        domainNames.putIfAbsent(m.group(1), normaliseDomainName(m.group(2)));
                        domainCode = m.group(1);
                    }
                    domainBoundary = true;
                    pendingTitles.clear();
                }
                return; // document and part titles
            }
            titleCandidate(lineNo, bare);
        }

        void plainLine(int lineNo, String text) {
            String bare = HtmlList.clean(text.replace("*", ""));
            if (current == null || bare.isEmpty() || isFinalites(bare) || bare.matches("\\d{1,2}")) {
                return;
            }
            titleCandidate(lineNo, bare);
        }

        void titleCandidate(int lineNo, String raw) {
            String title = HtmlList.clean(raw.replace("*", ""));
            if (title.isEmpty() || current == null && fiches.isEmpty()) {
                return;
            }
            if (current != null && current.headingPageOpen && !domainBoundary) {
                if (current.title == null) {
                    current.title = title;
                } else if (current.pages == 1) {
                    current.purposeDetails.add(title);
                } else if (!sameTitle(current.title, title) && !current.purposeDetails.contains(title)) {
                    if (current.purposeDetails.stream().noneMatch(p -> sameTitle(p, title))) {
                        anomaly(lineNo, current.number, AnomalyKind.TITLE_VARIANT, "Titre différent sur une page suivante : « "
                                + title + " » (titre retenu : « " + current.title + " »).");
                    }
                }
                return;
            }
            if (pendingTitles.isEmpty()) {
                pendingTitleLine = lineNo;
            }
            pendingTitles.add(title);
        }

        // ---- table rows

        void labelRow(int lineNo, List<Cell> cells) {
            Section.Label first = cells.get(0).label().orElse(null);
            boolean continuation = cells.stream()
                    .anyMatch(c -> c.label().map(Section.Label::continuation).orElse(false));
            List<Section> columns = columns(lineNo, cells);
            Section opening = columns.get(0);
            boolean startsNew = current == null || domainBoundary
                    || (first != null && opening.opensRow() && !continuation && current.has(opening)
                            && !current.headingPageOpen);
            if (startsNew) {
                startHeadlessFiche(lineNo);
            } else if (!pendingTitles.isEmpty()) {
                for (String t : pendingTitles) {
                    if (!sameTitle(t, current.title) && !current.purposeDetails.contains(t)) {
                        anomaly(pendingTitleLine, current.number, AnomalyKind.TITLE_VARIANT,
                                "Page sans en-tête rattachée à la fiche " + current.number + " ; titre de page « " + t
                                        + " » (titre retenu : « " + current.title + " »).");
                    }
                }
                if (current.headingPageOpen) {
                    // nothing: titles of a page with a heading were consumed directly
                } else {
                    current.pages++;
                }
                pendingTitles.clear();
            }
            current.headingPageOpen = false;
            domainBoundary = false;
            boolean anyContent = cells.stream().anyMatch(Cell::hasContent);
            if (!anyContent) {
                pendingHeader = columns;
                pendingHeaderLine = lineNo;
                pendingHeaderContinuation = continuation;
                return;
            }
            List<String> contents = cells.stream().map(Cell::content).toList();
            storeRow(lineNo, columns, contents, continuation);
        }

        /** Sections of the columns of a label row, correcting a right-hand label that is not the partner. */
        List<Section> columns(int lineNo, List<Cell> cells) {
            List<Section> columns = new ArrayList<>();
            Section left = cells.get(0).label().map(Section.Label::section).orElse(null);
            for (int c = 0; c < cells.size(); c++) {
                Optional<Section.Label> label = cells.get(c).label();
                if (c == 0) {
                    if (left == null) {
                        // a row whose first cell has no label but a later one has: take the later label's partner
                        Section right = cells.stream().map(Cell::label).flatMap(Optional::stream).findFirst()
                                .map(Section.Label::section).orElseThrow();
                        left = leftOf(right).orElse(right);
                        anomaly(lineNo, number(), AnomalyKind.UNLABELLED_COLUMN,
                                "Colonne de gauche sans intitulé : rattachée à « " + label(left) + " ».");
                    }
                    columns.add(left);
                    continue;
                }
                Section expected = left.partner().orElse(left);
                if (label.isEmpty()) {
                    if (cells.get(c).hasContent() || c == 1) {
                        if (left.partner().isPresent()) {
                            anomaly(lineNo, number(), AnomalyKind.UNLABELLED_COLUMN,
                                    "Colonne sans intitulé à côté de « " + label(left) + " » : rattachée à « "
                                            + label(expected) + " ».");
                        }
                    }
                    columns.add(expected);
                } else if (label.get().section() != expected && left.partner().isPresent()) {
                    anomaly(lineNo, number(), AnomalyKind.MISPLACED_LABEL, "Intitulé « " + label(label.get().section())
                            + " » utilisé pour la colonne « " + label(expected) + " » (à côté de « " + label(left)
                            + " ») : contenu rangé dans « " + label(expected) + " ».");
                    columns.add(expected);
                } else {
                    columns.add(label.get().section());
                }
            }
            return columns;
        }

        void contentRow(int lineNo, List<Cell> cells) {
            if (pendingHeader == null) {
                anomaly(lineNo, number(), AnomalyKind.ORPHAN_CONTENT,
                        "Liste sans intitulé de section : ignorée (" + abbreviate(HtmlList.clean(cells.get(0).content()))
                                + ").");
                return;
            }
            List<Section> header = pendingHeader;
            pendingHeader = null;
            List<String> contents = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                contents.add(c < cells.size() ? cells.get(c).content() : "");
            }
            storeRow(lineNo, header, contents, pendingHeaderContinuation);
            for (int c = header.size(); c < cells.size(); c++) {
                if (cells.get(c).hasContent()) {
                    anomaly(lineNo, number(), AnomalyKind.ORPHAN_CONTENT, "Cellule en trop ignorée : "
                            + abbreviate(HtmlList.clean(cells.get(c).content())));
                }
            }
        }

        /** Stores a row; columns of the same section (an unlabelled right-hand column) are joined first. */
        void storeRow(int lineNo, List<Section> columns, List<String> contents, boolean continuation) {
            Map<Section, StringBuilder> bySection = new LinkedHashMap<>();
            for (int c = 0; c < columns.size() && c < contents.size(); c++) {
                bySection.computeIfAbsent(columns.get(c), k -> new StringBuilder()).append(contents.get(c)).append(' ');
            }
            bySection.forEach((section, content) -> store(lineNo, section, content.toString(), continuation));
        }

        void closePendingHeader() {
            if (pendingHeader != null) {
                for (Section s : new LinkedHashSet<>(pendingHeader)) {
                    store(pendingHeaderLine, s, "", pendingHeaderContinuation);
                }
                pendingHeader = null;
            }
        }

        void store(int lineNo, Section section, String content, boolean continuation) {
            List<Item> items = HtmlList.parse(content);
            List<Item> existing = current.sections.get(section);
            if (items.isEmpty()) {
                if (existing == null) {
                    current.sections.put(section, new ArrayList<>());
                    anomaly(lineNo, current.number, AnomalyKind.EMPTY_CELL, "Cellule « " + label(section) + " » vide.");
                } else if (!continuation) {
                    anomaly(lineNo, current.number, AnomalyKind.EMPTY_CELL,
                            "Cellule « " + label(section) + " » vide sur une page suivante.");
                }
                return;
            }
            if (existing == null) {
                current.sections.put(section, new ArrayList<>(items));
                return;
            }
            if (!continuation) {
                anomaly(lineNo, current.number, AnomalyKind.DUPLICATE_SECTION, "Section « " + label(section)
                        + " » rencontrée deux fois : les éléments nouveaux sont ajoutés.");
            }
            int repeated = 0;
            for (Item item : items) {
                if (existing.contains(item)) {
                    repeated++;
                } else {
                    existing.add(item);
                }
            }
            if (repeated > 0) {
                anomaly(lineNo, current.number, AnomalyKind.REPEATED_CELL, "Cellule « " + label(section)
                        + " » répétée sur une page suivante : " + repeated + " élément(s) déjà présent(s) ignoré(s).");
            }
        }

        // ---- fiches

        void startHeadlessFiche(int lineNo) {
            int number = current == null ? 1 : current.number + 1;
            RawFiche f = new RawFiche(number, true, lineNo);
            f.domainCode = domainCode;
            anomaly(lineNo, number, AnomalyKind.MISSING_HEADING, "Page sans en-tête « Fiche N » ouvrant une nouvelle fiche : numéro "
                    + number + " déduit de l'ordre du document" + (domainCode == null ? "." : ", domaine " + domainCode + "."));
            if (!pendingTitles.isEmpty()) {
                f.title = pendingTitles.get(0);
                f.purposeDetails.addAll(pendingTitles.subList(1, pendingTitles.size()));
            }
            pendingTitles.clear();
            open(f);
        }

        void open(RawFiche f) {
            current = f;
            fiches.add(f);
            domainBoundary = false;
        }

        int number() {
            return current == null ? 0 : current.number;
        }

        // ---- report

        ImportReport report() {
            List<ImportReport.FicheFound> found = new ArrayList<>();
            for (RawFiche f : fiches) {
                f.domain = f.domainCode == null ? null : domainName(f.domainCode);
                if (f.domainCode == null) {
                    warnings.add("Fiche " + f.number + " : domaine introuvable.");
                }
                if (f.title == null) {
                    anomaly(f.firstLine, f.number, AnomalyKind.MISSING_TITLE, "Fiche sans titre dans le document.");
                }
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (Section s : Section.values()) {
                    if (f.has(s)) {
                        counts.put(s.name(), HtmlList.flatten(f.items(s)).size());
                    } else if (s != Section.CONTROLLER) {
                        warnings.add("Fiche " + f.number + " : section « " + label(s) + " » absente.");
                    }
                }
                found.add(new ImportReport.FicheFound(f.number, f.firstLine, f.pages, f.title, counts));
            }
            anomalies.sort(java.util.Comparator.comparingInt(Anomaly::line));
            TreeMap<Integer, Integer> seen = new TreeMap<>();
            fiches.forEach(f -> seen.merge(f.number, 1, Integer::sum));
            seen.forEach((n, count) -> {
                if (count > 1) {
                    warnings.add("Numéro de fiche " + n + " présent " + count + " fois.");
                }
            });
            if (!seen.isEmpty()) {
                for (int n = 1; n <= seen.lastKey(); n++) {
                    if (!seen.containsKey(n)) {
                        warnings.add("Fiche " + n + " introuvable dans le document.");
                    }
                }
            }
            return new ImportReport(fiches.size(), ranges(seen.keySet()), found, anomalies, warnings);
        }

        /** Canonical name of a domain: its domain heading, else the most frequent name in its fiche headings. */
        String domainName(String code) {
            if (domainNames.containsKey(code)) {
                return domainNames.get(code);
            }
            return headingNames.getOrDefault(code, Map.of()).entrySet().stream()
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }

        String codeOfDomainName(String name) {
            for (var e : domainNames.entrySet()) {
                if (e.getValue().equals(name)) {
                    return e.getKey();
                }
            }
            for (var e : headingNames.entrySet()) {
                if (e.getValue().containsKey(name)) {
                    return e.getKey();
                }
            }
            return null;
        }

        void anomaly(int line, Integer fiche, AnomalyKind kind, String detail) {
            anomalies.add(new Anomaly(line, fiche == null || fiche == 0 ? null : fiche, kind, detail));
        }
    }

    // ---- helpers

    static List<Cell> cells(String line) {
        List<Cell> cells = new ArrayList<>();
        for (String raw : line.split("\t", -1)) {
            cells.add(cell(raw));
        }
        // a trailing empty cell without label is layout noise ("<b>Responsable de traitement</b>\t")
        return cells;
    }

    private static Cell cell(String raw) {
        int list = indexOfList(raw);
        String prefix = list < 0 ? raw : raw.substring(0, list);
        String rest = list < 0 ? "" : raw.substring(list);
        if (prefix.isBlank()) {
            return new Cell(Optional.empty(), rest);
        }
        Optional<Section.Label> label = Section.recognise(prefix);
        if (label.isPresent()) {
            return new Cell(label, rest);
        }
        return new Cell(Optional.empty(), raw);
    }

    private static int indexOfList(String raw) {
        int ul = raw.indexOf("<ul");
        int li = raw.indexOf("<li");
        if (ul < 0) {
            return li;
        }
        return li < 0 ? ul : Math.min(ul, li);
    }

    static Optional<Section> leftOf(Section right) {
        for (Section s : Section.values()) {
            if (s.partner().filter(p -> p == right).isPresent()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static String label(Section s) {
        return switch (s) {
            case SUB_PURPOSES -> "Sous-finalités";
            case LEGAL_BASES -> "Fondements juridiques";
            case DATA_SUBJECTS -> "Catégories de personnes concernées";
            case DATA_TYPES -> "Type de données";
            case RECIPIENTS -> "Destinataires des données";
            case ACCESSORS -> "Personnes accédant aux données";
            case RETENTION -> "Durée de conservation";
            case RIGHTS -> "Droits des personnes concernées";
            case OBJECTION -> "Justification absence du droit d'opposition";
            case SECURITY -> "Sécurité des données";
            case CONTROLLER -> "Responsable de traitement";
        };
    }

    static String normaliseDomainName(String name) {
        return name.replace("*", "").replaceAll("\\s*/\\s*", "/").replaceAll("\\s+", " ").strip();
    }

    static boolean isUpperCase(String s) {
        return s.equals(s.toUpperCase(Locale.ROOT)) && s.chars().anyMatch(Character::isLetter);
    }

    static boolean isFinalites(String s) {
        return s.equalsIgnoreCase("Finalités") || s.equalsIgnoreCase("Finalité");
    }

    static boolean sameTitle(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return simplify(a).equals(simplify(b));
    }

    private static String simplify(String s) {
        return Section.normalise(s).replaceAll("[^a-z0-9]", "");
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }

    static String ranges(java.util.Collection<Integer> numbers) {
        StringBuilder sb = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (int n : new LinkedHashSet<>(numbers)) {
            if (start == null) {
                start = n;
            } else if (n != prev + 1) {
                append(sb, start, prev);
                start = n;
            }
            prev = n;
        }
        if (start != null) {
            append(sb, start, prev);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, int start, int end) {
        if (!sb.isEmpty()) {
            sb.append(',');
        }
        sb.append(start == end ? String.valueOf(start) : start + "-" + end);
    }
}
