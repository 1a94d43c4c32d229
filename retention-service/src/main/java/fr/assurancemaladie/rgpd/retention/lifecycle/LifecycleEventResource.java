package fr.assurancemaladie.rgpd.retention.lifecycle;

import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.messaging.CloudEventReader;
import fr.assurancemaladie.rgpd.support.messaging.CloudEventSender;
import fr.assurancemaladie.rgpd.support.messaging.IncomingCloudEvent;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.time.ZonedDateTime;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * For systems that cannot speak Kafka: one CloudEvent in JSON structured mode, checked against the same contract as
 * the consumer checks, then produced to {@code lifecycle.events} (binary mode, key = subjectRef, same id and source)
 * and answered 202 once Kafka has it. The event then takes the one path every lifecycle event takes.
 */
@Path("/api/v1/lifecycle-events")
@Tag(name = "Lifecycle events")
@SecurityRequirement(name = "SecurityScheme")
public class LifecycleEventResource {

    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    /** What was accepted. */
    public record Accepted(String id, String source, String type, String subjectRef, String topic) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    CloudEventReader reader;

    @Inject
    JsonWebToken jwt;

    @Inject
    PublisherTokens publishers;

    @Inject
    RetentionClock clock;

    @Inject
    @Channel("lifecycle-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    @POST
    @RolesAllowed("lifecycle-publisher")
    @Consumes({ CLOUDEVENTS_JSON, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "On lifecycle.events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @Operation(summary = "Publish one lifecycle event (CloudEvent, JSON structured mode)", description = "type "
            + "fr.assurancemaladie.lifecycle.<trigger> (rights-end, death…) or litigation-opened/-closed; data "
            + "{subjectRef, occurredOn, caisseCode, ficheNumbers?, dossierRef?}. 202 once on lifecycle.events; 403 when "
            + "the event is outside the client's scope (claim rgpd_publisher: source, types, caisses).")
    public Response publish(byte[] body) {
        if (body != null && body.length > LifecycleIngestion.MAX_RECORD_BYTES) {
            throw new ProblemException(413, "Requête trop volumineuse", "Un événement ne doit pas dépasser "
                    + LifecycleIngestion.MAX_RECORD_BYTES + " octets.");
        }
        IncomingCloudEvent event;
        LifecycleEvent valid;
        try {
            event = reader.readStructured(body == null ? new byte[0] : body);
            valid = LifecycleEvents.read(event, clock.today());
        } catch (InvalidRecord | LifecycleEvents.InvalidEvent e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        try {
            Optional<String> refusal = publishers.scopeOf(jwt).refusal(valid);
            if (refusal.isPresent()) {
                throw ProblemException.forbidden(refusal.get());
            }
        } catch (LifecycleEvents.InvalidEvent e) {
            throw ProblemException.forbidden(e.getMessage());
        }
        URI source;
        try {
            source = URI.create(valid.source());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("« source » doit être une référence d'URI.");
        }
        ZonedDateTime time = event.time() != null ? event.time().toZonedDateTime() : ZonedDateTime.now(clock.clock());
        try {
            // the caller's token travels with the record: the consumer checks every record alike, whoever produced it
            CloudEventSender.send(emitter, valid.subjectRef(), valid.id(), valid.type(), source, time,
                    json.writeValueAsString(event.data()), Map.of(PublisherTokens.HEADER, jwt.getRawToken()))
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | JsonProcessingException e) {
            throw new ProblemException(503, "Service Unavailable",
                    "L'événement n'a pas pu être transmis ; réessayez plus tard avec le même id.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Service Unavailable", "Interrompu.");
        }
        return Response.accepted(new Accepted(valid.id(), valid.source(), valid.type(), valid.subjectRef(),
                fr.assurancemaladie.rgpd.events.Topics.LIFECYCLE_EVENTS)).build();
    }
}
