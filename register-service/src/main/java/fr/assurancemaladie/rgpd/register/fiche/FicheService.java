package fr.assurancemaladie.rgpd.register.fiche;

import fr.assurancemaladie.rgpd.register.fiche.FicheVersion.Origin;
import fr.assurancemaladie.rgpd.register.fiche.FicheVersion.Status;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Versions of fiches: every change is a new version (who, when, what changed). Drafts are written by editors or
 * by an import of a changed document; publishing makes a draft the published version and queues it for
 * {@code register.fiches} (outbox column {@code event_sent_at}).
 */
@ApplicationScoped
public class FicheService {

    /** What happened to one fiche in a write. */
    public enum Outcome { PUBLISHED, DRAFTED, UNCHANGED }

    public record Written(int number, int version, Outcome outcome) {
    }

    @Inject
    FicheCodec codec;

    private final FicheNormaliser normaliser = new FicheNormaliser();

    /** The fiche a version holds, with that version's metadata. */
    public Fiche view(FicheVersion v) {
        return codec.fiche(v.payload).withMetadata(v.version, v.status.name(), v.updatedAt, v.updatedBy);
    }

    public Optional<FicheVersion> version(int number, int version) {
        return FicheVersion.get(number, version);
    }

    /** The name of a domain, from any version of a fiche of that domain (null if none). */
    public String domainName(String domainCode) {
        if (domainCode == null) {
            return null;
        }
        return FicheVersion.<FicheVersion>find("domainCode = ?1 order by number, version desc", domainCode)
                .firstResultOptional().map(v -> codec.fiche(v.payload).domain()).orElse(null);
    }

    public Optional<Fiche> published(int number) {
        return FicheVersion.current(number, Status.PUBLISHED).map(this::view);
    }

    /**
     * Writes the fiches of an imported document, in one transaction: a fiche never seen is published at once
     * (the official text); a fiche whose imported content changed gets a new draft; an unchanged one is left alone.
     */
    @Transactional
    public List<Written> importFiches(List<Fiche> fiches, String user) {
        lockRegister();
        Instant now = Instant.now();
        return fiches.stream().map(f -> importOne(f, user, now)).toList();
    }

    private Written importOne(Fiche parsed, String user, Instant now) {
        Fiche content = parsed.content();
        lockFiche(content.number());
        String hash = codec.contentSha256(content);
        Optional<FicheVersion> latest = FicheVersion.latest(content.number());
        if (latest.isEmpty()) {
            FicheVersion v = newVersion(content, 1, Status.PUBLISHED, Origin.IMPORT, user, now, hash, null);
            v.publishedAt = now;
            v.publishedBy = user;
            v.persist();
            return new Written(v.number, v.version, Outcome.PUBLISHED);
        }
        boolean sameAsLastImport = FicheVersion.latestImported(content.number())
                .map(i -> i.contentSha256.equals(hash)).orElse(false);
        if (sameAsLastImport || latest.get().contentSha256.equals(hash)) {
            return new Written(content.number(), latest.get().version, Outcome.UNCHANGED);
        }
        FicheVersion draft = writeDraft(content, latest.get(), Origin.IMPORT, user, now, hash);
        return new Written(draft.number, draft.version, Outcome.DRAFTED);
    }

    /** An editor's version of a fiche, as a draft; the same content as the latest version writes nothing. */
    @Transactional
    public Written saveDraft(Fiche edited, String user) {
        lockFiche(edited.number());
        Fiche content = normaliser.normalise(edited, true).content();
        String hash = codec.contentSha256(content);
        Optional<FicheVersion> latest = FicheVersion.latest(content.number());
        if (latest.isPresent() && latest.get().contentSha256.equals(hash)) {
            return new Written(content.number(), latest.get().version, Outcome.UNCHANGED);
        }
        Instant now = Instant.now();
        FicheVersion draft = latest.isPresent()
                ? writeDraft(content, latest.get(), Origin.EDIT, user, now, hash)
                : persisted(newVersion(content, 1, Status.DRAFT, Origin.EDIT, user, now, hash, null));
        return new Written(draft.number, draft.version, Outcome.DRAFTED);
    }

    /**
     * Takes the register lock for the current transaction and counts the versions written so far: seeding at
     * start checks emptiness under the lock, so two replicas starting together import once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long lockRegisterAndCount() {
        lockRegister();
        return FicheVersion.count();
    }

    /** Publishes the draft of a fiche: the previous published version is superseded. */
    @Transactional
    public FicheVersion publish(int number, String user) {
        lockFiche(number);
        FicheVersion draft = FicheVersion.current(number, Status.DRAFT).orElseThrow(() -> ProblemException.conflict(
                "La fiche n°" + number + " n'a pas de brouillon à publier."));
        FicheVersion.current(number, Status.PUBLISHED).ifPresent(p -> {
            p.status = Status.SUPERSEDED;
            Panache.getEntityManager().flush(); // one published version at a time (unique index)
        });
        Instant now = Instant.now();
        draft.status = Status.PUBLISHED;
        draft.publishedAt = now;
        draft.publishedBy = user;
        draft.eventSentAt = null;
        return draft;
    }

    private FicheVersion writeDraft(Fiche content, FicheVersion latest, Origin origin, String user, Instant now,
            String hash) {
        FicheVersion.current(content.number(), Status.DRAFT).ifPresent(d -> {
            d.status = Status.SUPERSEDED;
            Panache.getEntityManager().flush(); // one draft at a time (unique index)
        });
        return persisted(newVersion(content, latest.version + 1, Status.DRAFT, origin, user, now, hash, latest));
    }

    private FicheVersion newVersion(Fiche content, int version, Status status, Origin origin, String user, Instant at,
            String hash, FicheVersion previous) {
        FicheVersion v = new FicheVersion();
        v.number = content.number();
        v.version = version;
        v.status = status;
        v.origin = origin;
        v.domainCode = content.domainCode();
        v.title = content.title();
        v.payload = codec.toJson(content);
        v.contentSha256 = hash;
        v.changes = codec.toJson(codec.diff(previous == null ? null : codec.fiche(previous.payload), content));
        v.searchText = FicheCodec.searchText(content);
        v.updatedAt = at;
        v.updatedBy = user;
        return v;
    }

    private static FicheVersion persisted(FicheVersion v) {
        v.persist();
        return v;
    }

    /** Serialises writers of one fiche across replicas (transaction-scoped advisory lock). */
    private static void lockFiche(int number) {
        Panache.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(1, :n)").setParameter("n", number)
                .getSingleResult();
    }

    /** Serialises imports and seeding across replicas, and against editors. */
    private static void lockRegister() {
        Panache.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(2, 0)").getSingleResult();
    }
}
