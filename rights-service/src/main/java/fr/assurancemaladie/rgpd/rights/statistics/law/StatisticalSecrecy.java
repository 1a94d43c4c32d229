package fr.assurancemaladie.rgpd.rights.statistics.law;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statistical secrecy of the published transparency statistics, as the Assurance Maladie applies it: no count
 * from 1 to 10 is published ("NS", {@link #THRESHOLD}), and no such count can be recomputed from what is published.
 *
 * <p>A statistic is a set of two-way {@link Table tables} of non-negative counts (rows such as caisses, columns such
 * as GDPR rights), each published with its margins: one total per row, one per column, and the grand total. Seen as
 * the extended {@code (R+1) × (C+1)} grid, the last column holds the row totals, the last row the column totals and
 * the corner the grand total; every row of the grid sums to its last cell, and so does every column.
 *
 * <ol>
 * <li><b>Primary suppression</b>: every count (inner cell or margin) from 1 to 10 is {@link Mark#PRIMARY}.
 * <li><b>Secondary suppression</b>: more cells are {@link Mark#SECONDARY} until no suppressed cell is uniquely
 * determined by the table equations given the published cells (suppressed cells being the unknowns). The cells added
 * are the cheapest ones: the smallest non-zero counts, a zero only where nothing else protects (a suppressed zero
 * protects less, the alternative tables having to stay non-negative).
 * <li><b>Linked tables</b>: a {@link Link} says two tables have the same rows, the same row totals and the same grand
 * total (two breakdowns of the same counts, e.g. refusals by right and by ground). Such a shared margin is suppressed
 * in every linked table or in none, and the protection holds for the equations of all the linked tables together.
 * </ol>
 *
 * <p>Method. Within one table, the suppressed cells are the edges of a bipartite graph between the grid's rows and
 * columns; the kernel of the equations on the unknowns is that graph's cycle space, so a suppressed cell is
 * determined iff it is a bridge. Each bridge is closed by the cheapest path between its ends through the other cells
 * (suppressed cells cost nothing, a count its value, a shared margin its value once per linked table, a zero more
 * than all counts together), whose cells are then suppressed. Linked tables share their last column: without it, each table is a graph whose row nodes carry the
 * shared margins as "ports"; the exact check then reduces the whole system to the shared unknowns, in exact integer
 * arithmetic: a shared margin is determined iff its unit vector lies in the span of the ports' indicator vectors of
 * every component of every linked table, and a bridge of one table iff the indicator of the ports beyond it does.
 * A determined cell is given a cycle inside its table, or (for a shared margin) a cycle through another shared margin
 * in every linked table; each repair suppresses at least one more cell, so the protection terminates (at worst with
 * every cell suppressed, which protects every cell). Same input, same suppression. "Determined" is meant linearly:
 * the bounds that non-negativity puts on a suppressed cell (tighter when its cycles go through zeros) are not checked.
 *
 * <p>Pure Java, no state.
 */
public final class StatisticalSecrecy {

    /** Counts below it, and above 0, are secret. */
    public static final long THRESHOLD = 11;

    /** What is published in place of a suppressed figure ("non significatif"). */
    public static final String NOT_SHOWN = "NS";

    private StatisticalSecrecy() {
    }

    /** Whether a count is secret by itself (primary suppression): from 1 to {@code THRESHOLD - 1}. */
    public static boolean secret(long count) {
        return count > 0 && count < THRESHOLD;
    }

    /**
     * Whether a figure computed from these cells (a rate, a mean, a share) may be published: only when every operand
     * is shown; a rate computed from a suppressed count is {@value #NOT_SHOWN} too.
     */
    public static boolean publishable(Cell... operands) {
        for (Cell operand : operands) {
            if (operand == null || !operand.shown()) {
                return false;
            }
        }
        return true;
    }

    /** A table to publish: its row and column labels and its inner counts, {@code counts[row][column]}. */
    public record Table(String name, List<String> rows, List<String> columns, long[][] counts) {

        /** Validates and copies: a name, at least one row and one column, a rectangular array of counts ≥ 0. */
        public Table {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Un tableau doit avoir un nom.");
            }
            rows = labels(rows, name, "lignes");
            columns = labels(columns, name, "colonnes");
            if (counts == null || counts.length != rows.size()) {
                throw new IllegalArgumentException("Le tableau " + name + " doit avoir " + rows.size()
                        + " lignes de comptes.");
            }
            long[][] copy = new long[counts.length][];
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == null || counts[i].length != columns.size()) {
                    throw new IllegalArgumentException("Le tableau " + name + " n'est pas rectangulaire : la ligne "
                            + rows.get(i) + " doit avoir " + columns.size() + " comptes.");
                }
                copy[i] = counts[i].clone();
                for (long count : copy[i]) {
                    if (count < 0) {
                        throw new IllegalArgumentException("Le tableau " + name + " contient un compte négatif ("
                                + count + ") en ligne " + rows.get(i) + ".");
                    }
                }
            }
            counts = copy;
        }

        private static List<String> labels(List<String> labels, String table, String what) {
            if (labels == null || labels.isEmpty() || hasNull(labels)) {
                throw new IllegalArgumentException("Le tableau " + table + " doit avoir des " + what
                        + " (libellés non nuls).");
            }
            return List.copyOf(labels);
        }

        /** A copy of the inner counts. */
        @Override
        public long[][] counts() {
            return deepCopy(counts);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Table t && name.equals(t.name) && rows.equals(t.rows)
                    && columns.equals(t.columns) && Arrays.deepEquals(counts, t.counts);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, rows, columns, Arrays.deepHashCode(counts));
        }

        @Override
        public String toString() {
            return "Table[" + name + ", rows=" + rows + ", columns=" + columns + ", counts="
                    + Arrays.deepToString(counts) + "]";
        }
    }

    /** Tables {@code a} and {@code b} (by name) have the same row labels, row totals and grand total. */
    public record Link(String a, String b) {

        /** Both names are required. */
        public Link {
            if (a == null || b == null) {
                throw new IllegalArgumentException("Un lien relie deux tableaux nommés.");
            }
        }
    }

    /** Why a figure is shown or not. */
    public enum Mark {
        /** Published. */
        SHOWN,
        /** Secret by itself: from 1 to 10. */
        PRIMARY,
        /** Suppressed so that no secret figure can be recomputed. */
        SECONDARY
    }

    /** One figure of a protected table: its true value (never to be published unless shown) and its mark. */
    public record Cell(long value, Mark mark) {

        /** A mark is required. */
        public Cell {
            Objects.requireNonNull(mark, "mark");
        }

        /** Whether the value may be published. */
        public boolean shown() {
            return mark == Mark.SHOWN;
        }

        /** The text to publish: the value, or {@value StatisticalSecrecy#NOT_SHOWN}. */
        public String display() {
            return shown() ? Long.toString(value) : NOT_SHOWN;
        }
    }

    /** A table as it may be published: every inner cell and every margin with its mark. */
    public record Protected(String name, List<String> rows, List<String> columns, Cell[][] cells, Cell[] rowTotals,
            Cell[] columnTotals, Cell grandTotal) {

        /** Copies the arrays. */
        public Protected {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
            cells = deepCopy(cells);
            rowTotals = rowTotals.clone();
            columnTotals = columnTotals.clone();
            Objects.requireNonNull(grandTotal, "grandTotal");
        }

        /** The inner cell of a row and a column (indices in {@link #rows()} and {@link #columns()}). */
        public Cell cell(int row, int column) {
            return cells[row][column];
        }

        /** The total of a row. */
        public Cell rowTotal(int row) {
            return rowTotals[row];
        }

        /** The total of a column. */
        public Cell columnTotal(int column) {
            return columnTotals[column];
        }

        /** A copy of the inner cells. */
        @Override
        public Cell[][] cells() {
            return deepCopy(cells);
        }

        /** A copy of the row totals. */
        @Override
        public Cell[] rowTotals() {
            return rowTotals.clone();
        }

        /** A copy of the column totals. */
        @Override
        public Cell[] columnTotals() {
            return columnTotals.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Protected p && name.equals(p.name) && rows.equals(p.rows)
                    && columns.equals(p.columns) && Arrays.deepEquals(cells, p.cells)
                    && Arrays.equals(rowTotals, p.rowTotals) && Arrays.equals(columnTotals, p.columnTotals)
                    && grandTotal.equals(p.grandTotal);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, rows, columns, Arrays.deepHashCode(cells), Arrays.hashCode(rowTotals),
                    Arrays.hashCode(columnTotals), grandTotal);
        }

        @Override
        public String toString() {
            return "Protected[" + name + ", cells=" + Arrays.deepToString(cells) + ", rowTotals="
                    + Arrays.toString(rowTotals) + ", columnTotals=" + Arrays.toString(columnTotals)
                    + ", grandTotal=" + grandTotal + "]";
        }
    }

    /**
     * Protects a statistic: every table with its margins, primary and secondary suppression applied, linked margins
     * suppressed alike.
     *
     * @param tables the tables, with distinct names
     * @param links  pairs of tables (by name) sharing their rows, row totals and grand total; may be empty
     * @return the protected tables by name, in the order of {@code tables}
     * @throws IllegalArgumentException for duplicate names, a link to an unknown table, or linked tables whose row
     *                                  labels, row totals or grand totals differ
     */
    public static Map<String, Protected> protect(List<Table> tables, List<Link> links) {
        if (tables == null || hasNull(tables) || links == null || hasNull(links)) {
            throw new IllegalArgumentException("Tableaux et liens ne peuvent être nuls.");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            if (index.put(tables.get(t).name(), t) != null) {
                throw new IllegalArgumentException("Deux tableaux s'appellent " + tables.get(t).name() + ".");
            }
        }
        List<Grid> grids = new ArrayList<>();
        for (Table table : tables) {
            grids.add(new Grid(table));
        }
        int[] parent = new int[tables.size()];
        for (int t = 0; t < parent.length; t++) {
            parent[t] = t;
        }
        for (Link link : links) {
            Integer a = index.get(link.a());
            Integer b = index.get(link.b());
            if (a == null || b == null) {
                throw new IllegalArgumentException("Le lien " + link.a() + " – " + link.b()
                        + " désigne un tableau inconnu.");
            }
            Grid ga = grids.get(a);
            Grid gb = grids.get(b);
            if (!ga.table.rows().equals(gb.table.rows())) {
                throw new IllegalArgumentException("Les tableaux liés " + link.a() + " et " + link.b()
                        + " n'ont pas les mêmes lignes.");
            }
            if (!Arrays.equals(ga.margins, gb.margins)) {
                throw new IllegalArgumentException("Les tableaux liés " + link.a() + " et " + link.b()
                        + " n'ont pas les mêmes totaux de lignes ou le même total général.");
            }
            parent[find(parent, a)] = find(parent, b);
        }
        long sum = 1;
        for (Grid grid : grids) {
            sum = add(sum, grid.sum());
        }
        long big = sum;
        Map<Integer, Group> groups = new LinkedHashMap<>();
        for (int t = 0; t < grids.size(); t++) {
            Grid grid = grids.get(t);
            Group group = groups.computeIfAbsent(find(parent, t), k -> new Group(grid.margins, big));
            group.grids.add(grid);
            grid.group = group;
        }
        for (Group group : groups.values()) {
            group.protect();
        }
        Map<String, Protected> result = new LinkedHashMap<>();
        for (Grid grid : grids) {
            result.put(grid.table.name(), grid.published());
        }
        return Collections.unmodifiableMap(result);
    }

    /** Whether a list holds a null (immutable lists refuse {@code contains(null)}). */
    private static boolean hasNull(List<?> list) {
        for (Object element : list) {
            if (element == null) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int t) {
        while (parent[t] != t) {
            parent[t] = parent[parent[t]];
            t = parent[t];
        }
        return t;
    }

    /** Saturating addition of non-negative amounts. */
    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long multiply(long a, int b) {
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long[][] deepCopy(long[][] array) {
        long[][] copy = new long[array.length][];
        for (int i = 0; i < array.length; i++) {
            copy[i] = array[i].clone();
        }
        return copy;
    }

    private static Cell[][] deepCopy(Cell[][] array) {
        Cell[][] copy = new Cell[array.length][];
        for (int i = 0; i < array.length; i++) {
            copy[i] = array[i].clone();
        }
        return copy;
    }

    /**
     * Linked tables (or one table alone): the margins they share, i.e. the last column of their extended grids (the
     * row totals, then the grand total at index {@code rows}), suppressed or not for all of them at once.
     */
    private static final class Group {
        final long[] margins;
        final boolean[] marginSuppressed;
        final long big;
        final List<Grid> grids = new ArrayList<>();

        Group(long[] margins, long big) {
            this.margins = margins;
            this.marginSuppressed = new boolean[margins.length];
            this.big = big;
            for (int a = 0; a < margins.length; a++) {
                marginSuppressed[a] = secret(margins[a]);
            }
        }

        /** Closes every table's own cycles, then checks the group exactly, until nothing is determined. */
        void protect() {
            while (true) {
                boolean changed;
                do {
                    changed = false;
                    for (Grid grid : grids) {
                        changed |= grid.closeBridges();
                    }
                } while (changed);
                if (!repairExactly()) {
                    return;
                }
            }
        }

        /**
         * The exact check of the whole group, reduced to its shared unknowns; repairs the first determined cell, if
         * any, and says whether it did. Without the shared column, each table is a graph on its other unknowns, its
         * row nodes carrying the shared margins. A perturbation {@code d} of the shared unknowns (in a solution of
         * the homogeneous system) extends into a table iff in every component of that graph the perturbations of the
         * margins it carries sum to zero (up to signs, which only scale columns and change no span). So the shared
         * perturbations are the kernel of one 0/1 row per component per table: a shared margin is determined iff its
         * unit vector lies in the span of those rows; a bridge of a table's graph iff the indicator of the margins
         * beyond it does (the perturbation through a bridge is their sum); any other suppressed cell lies on a cycle
         * of its own table and is free.
         */
        boolean repairExactly() {
            int[] unknown = new int[margins.length];
            int count = 0;
            for (int a = 0; a < margins.length; a++) {
                unknown[a] = marginSuppressed[a] ? count++ : -1;
            }
            Span span = new Span(count);
            List<Graph> graphs = new ArrayList<>();
            for (Grid grid : grids) {
                Graph graph = new Graph(grid, false);
                graphs.add(graph);
                BigInteger[][] ports = new BigInteger[graph.nodes][];
                for (int a = 0; a < margins.length; a++) {
                    if (unknown[a] >= 0) {
                        int root = graph.component[a];
                        if (ports[root] == null) {
                            ports[root] = Span.zero(count);
                        }
                        ports[root][unknown[a]] = BigInteger.ONE;
                    }
                }
                for (BigInteger[] vector : ports) {
                    if (vector != null) {
                        span.add(vector);
                    }
                }
            }
            for (int a = 0; a < margins.length; a++) {
                if (unknown[a] >= 0) {
                    BigInteger[] unit = Span.zero(count);
                    unit[unknown[a]] = BigInteger.ONE;
                    if (span.contains(unit)) {
                        repairMargin(a);
                        return true;
                    }
                }
            }
            for (int g = 0; g < grids.size(); g++) {
                Graph graph = graphs.get(g);
                for (int[] bridge : graph.bridges) {
                    BigInteger[] beyond = Span.zero(count);
                    for (int a = 0; a < margins.length; a++) {
                        if (unknown[a] >= 0 && graph.inSubtree(a, bridge[2])) {
                            beyond[unknown[a]] = BigInteger.ONE;
                        }
                    }
                    if (span.contains(beyond)) {
                        grids.get(g).repairCell(bridge[0], bridge[1]);
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Gives shared margin {@code a} a cycle through another shared margin {@code b} in every linked table: the
         * cheapest {@code b}, counting its own cost and, in every table, the cheapest path from row {@code a} to row
         * {@code b} that avoids the shared column.
         */
        void repairMargin(int a) {
            int chosen = -1;
            long best = Long.MAX_VALUE;
            List<Path> paths = new ArrayList<>();
            for (Grid grid : grids) {
                paths.add(new Path(grid, false, a, -1, -1));
            }
            for (int b = 0; b < margins.length; b++) {
                if (b == a) {
                    continue;
                }
                long cost = marginSuppressed[b] ? 0 : grids.get(0).cost(b, grids.get(0).columns);
                for (Path path : paths) {
                    cost = add(cost, path.distance[b]);
                }
                if (chosen < 0 || cost < best) {
                    chosen = b;
                    best = cost;
                }
            }
            boolean added = !marginSuppressed[chosen];
            marginSuppressed[chosen] = true;
            for (int g = 0; g < grids.size(); g++) {
                added |= grids.get(g).suppressPath(paths.get(g), chosen);
            }
            if (!added) {
                throw new IllegalStateException("cycle already there for a determined margin");
            }
        }
    }

    /** One table's extended grid; its last column (the shared margins) lives in its {@link Group}. */
    private static final class Grid {
        final Table table;
        final int rows;
        final int columns;
        /** {@code (rows + 1) × columns}: the inner counts, then the column totals in row {@code rows}. */
        final long[][] values;
        final boolean[][] suppressed;
        /** The last column: row totals, then the grand total. */
        final long[] margins;
        Group group;

        Grid(Table table) {
            this.table = table;
            this.rows = table.rows().size();
            this.columns = table.columns().size();
            this.values = new long[rows + 1][columns];
            this.suppressed = new boolean[rows + 1][columns];
            this.margins = new long[rows + 1];
            long[][] counts = table.counts;
            try {
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < columns; j++) {
                        values[i][j] = counts[i][j];
                        values[rows][j] = Math.addExact(values[rows][j], counts[i][j]);
                        margins[i] = Math.addExact(margins[i], counts[i][j]);
                    }
                    margins[rows] = Math.addExact(margins[rows], margins[i]);
                }
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("Les totaux du tableau " + table.name() + " dépassent la capacité.");
            }
            for (int a = 0; a <= rows; a++) {
                for (int j = 0; j < columns; j++) {
                    suppressed[a][j] = secret(values[a][j]);
                }
            }
        }

        long sum() {
            long sum = multiply(margins[rows], 2);
            for (long total : values[rows]) {
                sum = add(sum, total);
            }
            for (int i = 0; i < rows; i++) {
                sum = add(sum, margins[i]);
            }
            return sum;
        }

        long value(int a, int j) {
            return j == columns ? group.margins[a] : values[a][j];
        }

        boolean isSuppressed(int a, int j) {
            return j == columns ? group.marginSuppressed[a] : suppressed[a][j];
        }

        /** True if the cell was not suppressed yet. */
        boolean suppress(int a, int j) {
            if (isSuppressed(a, j)) {
                return false;
            }
            if (j == columns) {
                group.marginSuppressed[a] = true;
            } else {
                suppressed[a][j] = true;
            }
            return true;
        }

        /** What suppressing one more cell costs: nothing if it is, its count, a shared margin once per table. */
        long cost(int a, int j) {
            if (isSuppressed(a, j)) {
                return 0;
            }
            long value = value(a, j);
            if (value == 0) {
                return group.big;
            }
            return j == columns ? multiply(value, group.grids.size()) : value;
        }

        /** Closes the cycles of this table alone (its shared column included); true if it suppressed a cell. */
        boolean closeBridges() {
            boolean changed = false;
            for (int[] bridge : new Graph(this, true).bridges) {
                int a = bridge[0];
                int j = bridge[1];
                Path path = new Path(this, true, a, a, j);
                changed |= suppressPath(path, rows + 1 + j);
            }
            return changed;
        }

        /**
         * A cycle inside this table, the shared column left aside; else (a one-column table, whose cell equals its
         * row's shared margin) a cycle through that margin.
         */
        void repairCell(int a, int j) {
            Path path = new Path(this, false, a, a, j);
            int target = rows + 1 + j;
            if (path.reached[target]) {
                if (!suppressPath(path, target)) {
                    throw new IllegalStateException("cycle already there for a determined cell");
                }
            } else if (!suppress(a, columns)) {
                group.repairMargin(a);
            }
        }

        /** Suppresses the cells of the path to {@code target}; true if one was not suppressed yet. */
        boolean suppressPath(Path path, int target) {
            boolean changed = false;
            for (int node = target; path.previous[node] >= 0; node = path.previous[node]) {
                int from = path.previous[node];
                int row = Math.min(node, from);
                int column = Math.max(node, from) - rows - 1;
                changed |= suppress(row, column);
            }
            return changed;
        }

        Protected published() {
            Cell[][] cells = new Cell[rows][columns];
            Cell[] columnTotals = new Cell[columns];
            Cell[] rowTotals = new Cell[rows];
            for (int j = 0; j < columns; j++) {
                for (int i = 0; i < rows; i++) {
                    cells[i][j] = cell(i, j);
                }
                columnTotals[j] = cell(rows, j);
            }
            for (int i = 0; i < rows; i++) {
                rowTotals[i] = cell(i, columns);
            }
            return new Protected(table.name(), table.rows(), table.columns(), cells, rowTotals, columnTotals,
                    cell(rows, columns));
        }

        private Cell cell(int a, int j) {
            long value = value(a, j);
            Mark mark = secret(value) ? Mark.PRIMARY : isSuppressed(a, j) ? Mark.SECONDARY : Mark.SHOWN;
            return new Cell(value, mark);
        }
    }

    /**
     * The suppressed cells of a grid as a bipartite graph: nodes {@code 0..rows} are the grid's rows (the last one
     * the column totals' row), then one node per column, then (if {@code withMargins}) the shared column.
     * Computes the components, the depth-first numbering and the bridges.
     */
    private static final class Graph {
        final int rowNodes;
        final int nodes;
        final int[] component;
        final int[] entry;
        final int[] exit;
        /** Each bridge as {row, column, node on the far side of the depth-first tree}. */
        final List<int[]> bridges = new ArrayList<>();

        Graph(Grid grid, boolean withMargins) {
            int columnNodes = grid.columns + (withMargins ? 1 : 0);
            rowNodes = grid.rows + 1;
            nodes = rowNodes + columnNodes;
            component = new int[nodes];
            entry = new int[nodes];
            exit = new int[nodes];
            int[] low = new int[nodes];
            int[] parent = new int[nodes];
            int[] next = new int[nodes];
            int[] stack = new int[nodes];
            Arrays.fill(entry, -1);
            int clock = 0;
            for (int root = 0; root < nodes; root++) {
                if (entry[root] >= 0) {
                    continue;
                }
                int depth = 0;
                stack[depth++] = root;
                parent[root] = -1;
                entry[root] = low[root] = clock++;
                component[root] = root;
                while (depth > 0) {
                    int v = stack[depth - 1];
                    boolean row = v < rowNodes;
                    int degree = row ? columnNodes : rowNodes;
                    if (next[v] < degree) {
                        int k = next[v]++;
                        int u = row ? rowNodes + k : k;
                        boolean edge = row ? grid.isSuppressed(v, k) : grid.isSuppressed(k, v - rowNodes);
                        if (!edge || u == parent[v]) {
                            continue;
                        }
                        if (entry[u] < 0) {
                            entry[u] = low[u] = clock++;
                            parent[u] = v;
                            component[u] = root;
                            stack[depth++] = u;
                        } else {
                            low[v] = Math.min(low[v], entry[u]);
                        }
                    } else {
                        depth--;
                        exit[v] = clock - 1;
                        int p = parent[v];
                        if (p >= 0) {
                            low[p] = Math.min(low[p], low[v]);
                            if (low[v] > entry[p]) {
                                int r = Math.min(p, v);
                                bridges.add(new int[] {r, Math.max(p, v) - rowNodes, v});
                            }
                        }
                    }
                }
            }
            bridges.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        }

        boolean inSubtree(int node, int top) {
            return entry[node] >= entry[top] && entry[node] <= exit[top];
        }
    }

    /**
     * The cheapest paths (Dijkstra) from a row node through the complete bipartite graph of a grid's cells, every
     * cell costing {@link Grid#cost}, optionally without one cell; ties go to the lowest node.
     */
    private static final class Path {
        final long[] distance;
        final int[] previous;
        final boolean[] reached;

        Path(Grid grid, boolean withMargins, int source, int avoidRow, int avoidColumn) {
            int rowNodes = grid.rows + 1;
            int columnNodes = grid.columns + (withMargins ? 1 : 0);
            int nodes = rowNodes + columnNodes;
            distance = new long[nodes];
            previous = new int[nodes];
            reached = new boolean[nodes];
            boolean[] done = new boolean[nodes];
            Arrays.fill(distance, Long.MAX_VALUE);
            Arrays.fill(previous, -1);
            distance[source] = 0;
            reached[source] = true;
            while (true) {
                int v = -1;
                for (int u = 0; u < nodes; u++) {
                    if (reached[u] && !done[u] && (v < 0 || distance[u] < distance[v])) {
                        v = u;
                    }
                }
                if (v < 0) {
                    return;
                }
                done[v] = true;
                boolean row = v < rowNodes;
                int from = row ? rowNodes : 0;
                int to = row ? nodes : rowNodes;
                for (int u = from; u < to; u++) {
                    int a = row ? v : u;
                    int j = (row ? u : v) - rowNodes;
                    if (done[u] || (a == avoidRow && j == avoidColumn)) {
                        continue;
                    }
                    long d = add(distance[v], grid.cost(a, j));
                    if (!reached[u] || d < distance[u]) {
                        reached[u] = true;
                        distance[u] = d;
                        previous[u] = v;
                    }
                }
            }
        }
    }

    /** The span of integer vectors, kept in echelon form, exactly. */
    private static final class Span {
        final int size;
        final List<BigInteger[]> basis = new ArrayList<>();
        final List<Integer> pivots = new ArrayList<>();

        Span(int size) {
            this.size = size;
        }

        static BigInteger[] zero(int size) {
            BigInteger[] vector = new BigInteger[size];
            Arrays.fill(vector, BigInteger.ZERO);
            return vector;
        }

        void add(BigInteger[] vector) {
            BigInteger[] reduced = reduce(vector.clone());
            for (int k = 0; k < size; k++) {
                if (reduced[k].signum() != 0) {
                    basis.add(reduced);
                    pivots.add(k);
                    return;
                }
            }
        }

        boolean contains(BigInteger[] vector) {
            for (BigInteger x : reduce(vector.clone())) {
                if (x.signum() != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Eliminates every pivot of the basis from the vector, in place, dividing by the gcd as it goes. */
        private BigInteger[] reduce(BigInteger[] x) {
            for (int b = 0; b < basis.size(); b++) {
                int p = pivots.get(b);
                if (x[p].signum() == 0) {
                    continue;
                }
                BigInteger[] row = basis.get(b);
                BigInteger factor = x[p];
                BigInteger pivot = row[p];
                BigInteger gcd = BigInteger.ZERO;
                for (int k = 0; k < size; k++) {
                    if (row[k].signum() != 0 || x[k].signum() != 0) {
                        x[k] = x[k].multiply(pivot).subtract(row[k].multiply(factor));
                        gcd = gcd.gcd(x[k]);
                    }
                }
                if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
                    for (int k = 0; k < size; k++) {
                        x[k] = x[k].divide(gcd);
                    }
                }
            }
            return x;
        }
    }
}
