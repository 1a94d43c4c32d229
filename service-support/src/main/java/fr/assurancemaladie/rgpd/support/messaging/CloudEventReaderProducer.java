package fr.assurancemaladie.rgpd.support.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one {@link CloudEventReader} of a service: its consumers and its HTTP ingestion read events alike. */
public class CloudEventReaderProducer {

    @Produces
    @ApplicationScoped
    CloudEventReader reader(ObjectMapper json) {
        return new CloudEventReader(json);
    }
}
