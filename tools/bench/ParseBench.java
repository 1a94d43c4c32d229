import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import fr.assurancemaladie.rgpd.register.importer.FicheAssembler;
import fr.assurancemaladie.rgpd.register.importer.RegisterDocumentParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (not a test): parse + structure the whole official register, warm. Run by parse-bench.sh.
 * Prints the time of each measured iteration and the median / best / worst.
 */
public class ParseBench {
    public static void main(String[] args) throws Exception {
        String doc = Files.readString(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        RegisterDocumentParser parser = new RegisterDocumentParser();
        FicheAssembler assembler = new FicheAssembler();
        int fiches = 0;
        for (int i = 0; i < warmup; i++) {
            fiches = parse(parser, assembler, doc).size();
        }
        double[] ms = new double[runs];
        int rules = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            List<Fiche> result = parse(parser, assembler, doc);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            rules = result.stream().mapToInt(f -> f.retentionRules().size()).sum();
        }
        Arrays.sort(ms);
        System.out.printf("document: %d chars, %d fiches, %d retention rules%n", doc.length(), fiches, rules);
        System.out.printf("parse + structure, %d warm-up runs then %d measured: median %.1f ms, best %.1f ms, worst %.1f ms%n",
                warmup, runs, ms[runs / 2], ms[0], ms[runs - 1]);
    }

    static List<Fiche> parse(RegisterDocumentParser parser, FicheAssembler assembler, String doc) {
        return parser.parse(doc).fiches().stream().map(assembler::assemble).toList();
    }
}
