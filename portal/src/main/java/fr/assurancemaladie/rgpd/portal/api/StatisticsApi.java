package fr.assurancemaladie.rgpd.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** rights-service's public statistics (no token: published information). */
@RegisterRestClient(configKey = "rights")
@Path("/api/v1/statistics")
public interface StatisticsApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Statistics statistics(@QueryParam("quarter") String quarter);

    @GET
    @Path("/csv")
    @Produces("text/csv")
    String csv(@QueryParam("quarter") String quarter);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Statistics(String quarter, LocalDate from, LocalDate to, String secrecy, String definitions,
            List<CountTable> tables, RateTable answeredWithinMonthRate, List<Delay> daysToAnswer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Figure(Long value, boolean ns) {
        public String text() {
            return ns ? "NS" : String.valueOf(value);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(String code, String label, List<Figure> cells, Figure total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CountTable(String name, String label, List<String> columns, List<Row> rows, Row national) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rate(Double percent, boolean ns) {
        public String text() {
            return ns ? "NS" : percent == null ? "—" : String.format(java.util.Locale.FRANCE, "%.1f %%", percent);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RateRow(String code, String label, List<Rate> cells, Rate total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RateTable(String name, String label, List<String> columns, List<RateRow> rows, RateRow national) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delay(String scope, String code, String label, Double median, Double p90, boolean ns) {
    }
}
