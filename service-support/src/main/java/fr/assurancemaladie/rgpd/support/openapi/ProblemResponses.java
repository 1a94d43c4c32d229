package fr.assurancemaladie.rgpd.support.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The OpenAPI documents tell the whole truth about errors: every operation may answer the problems every request can
 * meet (400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 503), each an {@code application/problem+json}
 * {@code Problem}; an error response an operation documents itself (409, 412…) gets the same content. A client
 * generated from the document, or a fuzzer checking that each answer is documented, meets no surprise.
 */
public class ProblemResponses implements OASFilter {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String REF = "#/components/schemas/Problem";

    static final Map<String, String> EVERY_OPERATION = Map.ofEntries(
            Map.entry("400", "Requête invalide (paramètre, corps ou adresse), avec le champ en cause"),
            Map.entry("401", "Jeton d'accès absent, expiré ou invalide"),
            Map.entry("403", "Le rôle, la caisse ou le périmètre du jeton ne permettent pas l'opération"),
            Map.entry("404", "Ressource introuvable (ou d'une autre caisse)"),
            Map.entry("405", "Méthode non autorisée sur cette ressource"),
            Map.entry("406", "Format de réponse non disponible"),
            Map.entry("413", "Corps de la requête trop volumineux"),
            Map.entry("414", "Adresse de la requête trop longue"),
            Map.entry("415", "Type de contenu non pris en charge"),
            Map.entry("431", "En-têtes de la requête trop volumineux"),
            Map.entry("500", "Erreur inattendue (sans détail interne)"),
            Map.entry("503", "Service momentanément indisponible (base de données ou Kafka) : réessayer (Retry-After)"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", problem());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                APIResponses responses = op.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.setResponses(responses);
                }
                for (Map.Entry<String, String> e : EVERY_OPERATION.entrySet()) {
                    if (!responses.hasAPIResponse(e.getKey())) {
                        responses.addAPIResponse(e.getKey(), OASFactory.createAPIResponse().description(e.getValue()));
                    }
                }
                if (responses.getAPIResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                    boolean error = r.getKey().length() == 3 && (r.getKey().charAt(0) == '4' || r.getKey().charAt(0) == '5');
                    APIResponse response = r.getValue();
                    if (error && response.getRef() == null && (response.getContent() == null
                            || response.getContent().getMediaTypes() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                        response.setContent(problemContent());
                        if (response.getDescription() == null) {
                            response.setDescription(EVERY_OPERATION.getOrDefault(r.getKey(), "Problème"));
                        }
                    }
                }
            }
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema problem() {
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem detail; detail is French")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .required(List.of("title", "status"));
    }
}
