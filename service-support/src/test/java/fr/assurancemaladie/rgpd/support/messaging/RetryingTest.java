package fr.assurancemaladie.rgpd.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RetryingTest {

    @Test
    void theLogSaysWhatTheDatabaseSaidThroughTheAdaptersWrapping() {
        assertEquals("SQLException, SQLSTATE 08001", Retrying.why(new IllegalStateException("Lifecycle events not "
                + "stored", new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertEquals("IllegalStateException: broker away", Retrying.why(new IllegalStateException("broker away")));
    }
}
