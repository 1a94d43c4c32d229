package fr.assurancemaladie.rgpd.portal.register;

import fr.assurancemaladie.rgpd.portal.api.RegisterApi;
import fr.assurancemaladie.rgpd.portal.api.RegisterApi.Fiche;
import fr.assurancemaladie.rgpd.portal.api.RegisterApi.FicheSummary;
import fr.assurancemaladie.rgpd.portal.web.Page;
import fr.assurancemaladie.rgpd.portal.web.Pages;
import fr.assurancemaladie.rgpd.portal.web.ServiceCalls;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The public register, for anyone, without signing in: the fiches by domain with search and filters, one page per
 * fiche in plain words, and the printable register. Everything shown is what register-service publishes.
 */
@Path("/registre")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RegisterPages {

    static final List<String> RIGHTS = List.of("access", "rectification", "erasure", "limitation", "objection",
            "portability");
    static final List<String> ARTICLES = List.of("6-1-a", "6-1-b", "6-1-c", "6-1-d", "6-1-e", "6-1-f");

    @Inject
    @RestClient
    RegisterApi register;

    @Inject
    Pages pages;

    @Inject
    ServiceCalls calls;

    /** One domain of the register and its fiches. */
    public record Domain(String code, String name, List<FicheSummary> fiches) {
    }

    /** The search as the person typed it, to fill the form again. */
    public record Search(String q, String right, String gdprArticle, boolean any) {
    }

    /** A right and the register's decision for this fiche. */
    public record RightRow(String field, boolean applies, String reason) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, Search search, List<Domain> domains, long total,
                List<String> articles, List<String> rightFields, String problem);

        static native TemplateInstance fiche(Page page, Fiche fiche, List<RightRow> rights);

        static native TemplateInstance print(Page page, List<Fiche> fiches);
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("droit") String right,
            @QueryParam("base") String gdprArticle) {
        String text = q == null || q.isBlank() ? null : q.strip();
        String r = right != null && RIGHTS.contains(right) ? right : null;
        String article = gdprArticle != null && ARTICLES.contains(gdprArticle) ? gdprArticle : null;
        Search search = new Search(text == null ? "" : text, r == null ? "" : r, article == null ? "" : article,
                text != null || r != null || article != null);
        Page page = pages.page(search.any() ? "Recherche dans le registre" : "Le registre des traitements", "registre");
        ServiceCalls.Result<RegisterApi.FichePage> found = calls.call(() -> register.search(null, text, article, r,
                r == null ? null : "true", 0, 100));
        if (found.problem() != null) {
            return Templates.list(page, search, List.of(), 0, ARTICLES, RIGHTS, found.problem().detail());
        }
        Map<String, Domain> domains = new LinkedHashMap<>();
        for (FicheSummary f : found.value().items()) {
            domains.computeIfAbsent(f.domainCode(), code -> new Domain(code, f.domain(), new ArrayList<>()))
                    .fiches().add(f);
        }
        return Templates.list(page, search, List.copyOf(domains.values()), found.value().totalItems(), ARTICLES,
                RIGHTS, null);
    }

    @GET
    @Path("/fiches/{number}")
    public TemplateInstance fiche(@PathParam("number") String number) {
        int n = calls.number(number);
        Fiche fiche = calls.required(() -> register.fiche(n));
        List<RightRow> rights = new ArrayList<>();
        if (fiche.rights() != null) {
            rights.add(row("access", fiche.rights().access()));
            rights.add(row("rectification", fiche.rights().rectification()));
            rights.add(row("erasure", fiche.rights().erasure()));
            rights.add(row("limitation", fiche.rights().limitation()));
            rights.add(row("objection", fiche.rights().objection()));
            rights.add(row("portability", fiche.rights().portability()));
        }
        String title = "Fiche " + fiche.number() + (fiche.title() == null ? "" : " — " + fiche.title());
        return Templates.fiche(pages.page(title, "registre"), fiche, rights);
    }

    @GET
    @Path("/imprimer")
    public TemplateInstance print() {
        List<Fiche> fiches = calls.required(() -> register.export("json"));
        return Templates.print(pages.page("Registre des traitements (version imprimable)", "registre"), fiches);
    }

    private static RightRow row(String field, RegisterApi.RightDecision d) {
        return d == null ? new RightRow(field, false, "Le registre ne se prononce pas.")
                : new RightRow(field, d.applies(), d.reason());
    }
}
