package fr.assurancemaladie.rgpd.portal.statistics;

import fr.assurancemaladie.rgpd.portal.api.StatisticsApi;
import fr.assurancemaladie.rgpd.portal.web.Page;
import fr.assurancemaladie.rgpd.portal.web.Pages;
import fr.assurancemaladie.rgpd.portal.web.ServiceCalls;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The public transparency statistics, for anyone, without signing in: a quarter's figures for the network per right
 * (with a bar chart and its table), per caisse, refusals by ground, channels, days to answer; secret figures as NS.
 */
@Path("/statistiques")
@Produces(MediaType.TEXT_HTML)
public class StatisticsPages {

    private static final Pattern QUARTER = Pattern.compile("20[0-9]{2}-Q[1-4]");

    /** A bar of the chart: its label, its value (null: NS), its length and place in the drawing. */
    public record Bar(String label, String value, int width, int y) {
    }

    @Inject
    @RestClient
    StatisticsApi statistics;

    @Inject
    Pages pages;

    @Inject
    ServiceCalls calls;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statistics(Page page, StatisticsApi.Statistics s, List<Bar> bars,
                int chartHeight, List<String> quarters);
    }

    @GET
    public TemplateInstance page(@QueryParam("trimestre") String quarter) {
        String q = quarter != null && QUARTER.matcher(quarter).matches() ? quarter : null;
        StatisticsApi.Statistics s = calls.required(() -> statistics.statistics(q));
        return Templates.statistics(pages.page("Statistiques des demandes RGPD — " + label(s.quarter()), "statistiques"),
                s, bars(s), bars(s).size() * 36 + 20, quarters(s.quarter()));
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("trimestre") String quarter) {
        String q = quarter != null && QUARTER.matcher(quarter).matches() ? quarter : null;
        String csv = calls.required(() -> statistics.csv(q));
        return Response.ok(csv, "text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"statistiques-rgpd" + (q == null ? "" : "-" + q) + ".csv\"").build();
    }

    /** The national requests received, per right: the chart. */
    static List<Bar> bars(StatisticsApi.Statistics s) {
        StatisticsApi.CountTable received = s.tables().stream().filter(t -> t.name().equals("received")).findFirst()
                .orElseThrow();
        long max = 1;
        for (StatisticsApi.Figure f : received.national().cells()) {
            if (!f.ns()) {
                max = Math.max(max, f.value());
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < received.columns().size(); i++) {
            StatisticsApi.Figure f = received.national().cells().get(i);
            int width = f.ns() ? 0 : (int) Math.round(400.0 * f.value() / max);
            bars.add(new Bar(fr.assurancemaladie.rgpd.portal.web.Labels.typeFr(received.columns().get(i)), f.text(),
                    width, 10 + i * 36));
        }
        return bars;
    }

    static String label(String quarter) {
        return quarter.substring(5, 7).replace("Q", "") + (quarter.charAt(6) == '1' ? "er" : "e") + " trimestre "
                + quarter.substring(0, 4);
    }

    /** The quarter shown and the seven before it. */
    static List<String> quarters(String current) {
        int year = Integer.parseInt(current.substring(0, 4));
        int q = current.charAt(6) - '0';
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(year + "-Q" + q);
            if (--q == 0) {
                q = 4;
                year--;
            }
        }
        return out;
    }
}
