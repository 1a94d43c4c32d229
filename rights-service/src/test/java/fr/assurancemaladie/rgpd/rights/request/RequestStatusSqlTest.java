package fr.assurancemaladie.rgpd.rights.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Status;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The workflow's statuses are written once in Java ({@link Status#open()}, {@link Status#clockRuns()}) and once in
 * SQL (migration V8: {@code request_open}, {@code request_clock_runs}): every status goes through both, and the
 * queue's query still reads the partial index of open requests.
 */
@QuarkusTest
class RequestStatusSqlTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @EnumSource(Status.class)
    void theSqlFormAgreesWithTheWorkflow(Status status) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select request_open(?), request_clock_runs(?)")) {
            ps.setString(1, status.name());
            ps.setString(2, status.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(status.open(), rs.getBoolean(1), status + " open");
                assertEquals(status.clockRuns(), rs.getBoolean(2), status + " clock runs");
            }
        }
    }

    @Test
    void everyStatusTheSchemaAllowsIsAStatusOfTheWorkflow() throws Exception {
        for (Status s : Status.values()) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select pg_get_constraintdef(oid) from pg_constraint "
                            + "where conrelid = 'rights_request'::regclass and contype = 'c' "
                            + "and pg_get_constraintdef(oid) like '%status%IN_PROGRESS%'")) {
                assertTrue(rs.next(), "the status check of rights_request");
                assertTrue(rs.getString(1).contains("'" + s.name() + "'"), s + " is allowed by the schema");
            }
        }
    }

    @Test
    void theOpenQueueStillReadsItsPartialIndex() throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("set local enable_seqscan = off");
            try (ResultSet rs = st.executeQuery("explain select id from rights_request "
                    + "where caisse_code = 'CPAM-75' and request_open(status) order by due_on, id limit 20")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
        }
        assertTrue(plan.toString().contains("rights_request_open"), plan.toString());
    }
}
