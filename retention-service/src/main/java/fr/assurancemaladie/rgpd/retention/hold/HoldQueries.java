package fr.assurancemaladie.rgpd.retention.hold;

import fr.assurancemaladie.rgpd.retention.access.Caller;
import fr.assurancemaladie.rgpd.retention.hold.HoldResource.HoldPage;
import fr.assurancemaladie.rgpd.retention.hold.HoldResource.HoldView;
import fr.assurancemaladie.rgpd.retention.hold.HoldResource.NewHold;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.HoldKind;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.paging.Cursor;
import fr.assurancemaladie.rgpd.support.paging.Slice;
import fr.assurancemaladie.rgpd.support.problem.Params;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The queries behind {@link HoldResource}: the resource parses and checks the request, this runs it. */
@ApplicationScoped
public class HoldQueries {

    @Inject
    fr.assurancemaladie.rgpd.events.SubjectRefs subjectRefs;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    RetentionClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public HoldPage list(String subjectRef, String active, String kind, String caisse, String cursor, String sizeParam) {
        Caller caller = Caller.of(identity, jwt);
        int size = Params.integerBetween("size", sizeParam, 1, 200);
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        String scope = caller.scope(caisse);
        if (scope != null) {
            q.append(" and caisseCode = :caisse");
            p.and("caisse", scope);
        }
        if (subjectRef != null) {
            q.append(" and subjectRef = :subject");
            p.and("subject", Params.subjectRef(subjectRef));
        }
        String a = active == null ? "true" : active.strip().toLowerCase(Locale.ROOT);
        switch (a) {
            case "true" -> q.append(" and releasedAt is null");
            case "false" -> q.append(" and releasedAt is not null");
            case "all" -> { }
            default -> throw ProblemException.badRequest("« active » vaut true, false ou ALL.");
        }
        if (kind != null) {
            try {
                p.and("kind", HoldKind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Type de gel inconnu : « " + Excerpt.of(kind) + " ».");
            }
            q.append(" and kind = :kind");
        }
        if (cursor != null) {
            Object[] c = Cursor.decode(cursor, 2, s -> new Object[] { Instant.parse(s[0]), UUID.fromString(s[1]) });
            q.append(" and (createdAt < :cAt or (createdAt = :cAt and id < :cId))");
            p.and("cAt", c[0]).and("cId", c[1]);
        }
        List<HoldRecord> found = HoldRecord.<HoldRecord>find(q + " order by createdAt desc, id desc", p).page(0, size + 1).list();
        Slice<HoldView> page = Slice.of(found.stream().map(HoldView::of).toList(), size,
                last -> Cursor.encode(last.createdAt(), last.id()));
        return new HoldPage(page.items(), page.nextCursor());
    }

    @Transactional
    public HoldView one(String id) {
        return HoldView.of(visible(id, Caller.of(identity, jwt)));
    }

    @Transactional
    public Response put(NewHold body) {
        // (the NIR, when given, is turned into the person's pseudonym at once and goes no further)
        Caller caller = Caller.of(identity, jwt);
        if (body == null) {
            throw ProblemException.badRequest("Corps JSON attendu : {subjectRef, reason, ficheNumbers?}.");
        }
        String subject;
        if (body.nir() != null && !body.nir().isBlank()) {
            if (body.subjectRef() != null) {
                throw ProblemException.badRequest("Indiquez le NIR ou le subjectRef, pas les deux.");
            }
            subject = subjectRefs.of(fr.assurancemaladie.rgpd.events.Nir.parse(body.nir()));
        } else {
            subject = Params.subjectRef(body.subjectRef());
        }
        String reason = reason(body.reason());
        String caisse;
        if (caller.admin()) {
            if (body.caisseCode() == null || !CAISSE.matcher(body.caisseCode()).matches()) {
                throw ProblemException.badRequest("« caisseCode » est requis pour un administrateur (par exemple CPAM-75).");
            }
            caisse = body.caisseCode();
        } else {
            if (body.caisseCode() != null && !body.caisseCode().equalsIgnoreCase(caller.caisse())) {
                throw ProblemException.forbidden("Un DPO ne pose un gel que pour sa caisse.");
            }
            caisse = caller.caisse();
        }
        List<Integer> fiches = body.ficheNumbers();
        if (fiches != null && (fiches.size() > 100 || fiches.stream().anyMatch(n -> n == null || n < 1 || n > 9999))) {
            throw ProblemException.badRequest("« ficheNumbers » : au plus 100 numéros de fiche entre 1 et 9999.");
        }
        UUID id = UUID.randomUUID();
        write(c -> HoldStore.put(c, new HoldStore.NewHold(id, HoldKind.MANUAL, subject, fiches, caisse, id.toString(),
                reason, clock.today(), caller.username()), null));
        HoldRecord h = HoldRecord.findById(id);
        return Response.created(URI.create("/api/v1/holds/" + h.id)).entity(HoldView.of(h)).build();
    }

    @Transactional
    public HoldView release(String id, String reasonParam) {
        Caller caller = Caller.of(identity, jwt);
        HoldRecord h = visible(id, caller);
        if (h.kind != HoldKind.MANUAL) {
            throw ProblemException.conflict(h.kind == HoldKind.LIMITATION
                    ? "Un gel de limitation (art. 18) se lève par la demande de limitation dans rights-service."
                    : "Un gel de contentieux se lève par l'événement litigation-closed.");
        }
        if (!h.unreleased()) {
            throw ProblemException.conflict("Ce gel est déjà levé.");
        }
        String reason = reason(reasonParam);
        write(c -> HoldStore.release(c, h.id, new HoldStore.Release(clock.today(), caller.username(), reason)));
        HoldRecord.getEntityManager().refresh(h);
        return HoldView.of(h);
    }

    private interface Write {
        void on(Connection c) throws SQLException;
    }

    /** Through {@link HoldStore}, the one writer of holds, in this request's transaction. */
    private void write(Write write) {
        HoldRecord.getEntityManager().flush();
        try (Connection c = dataSource.getConnection()) {
            write.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Hold not written", e);
        }
    }

    static final Pattern CAISSE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    private static HoldRecord visible(String id, Caller caller) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Gel introuvable.");
        }
        HoldRecord h = HoldRecord.findById(uuid);
        if (h == null || !caller.sees(h.caisseCode)) {
            throw ProblemException.notFound("Gel introuvable.");
        }
        return h;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("Un motif (« reason ») est requis.");
        }
        String r = reason.strip();
        if (r.length() > 2000) {
            throw ProblemException.badRequest("Motif trop long (2 000 caractères au plus).");
        }
        if (!TextHygiene.isCleanText(r)) {
            throw ProblemException.badRequest(TextHygiene.refusal("Le motif", r, true));
        }
        return r;
    }
}
