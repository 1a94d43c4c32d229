package fr.assurancemaladie.rgpd.register.fiche;

import fr.assurancemaladie.rgpd.register.fiche.FicheVersion.Origin;
import fr.assurancemaladie.rgpd.register.fiche.FicheVersion.Status;
import fr.assurancemaladie.rgpd.support.persistence.AdvisoryLock;
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

    /**
     * What happened to one fiche in a write. KEPT_EDITOR_DRAFT: an import found a changed fiche while an editor's
     * draft of it is pending; the editor's work is not overwritten (the report says so).
     */
    public enum Outcome { PUBLISHED, DRAFTED, UNCHANGED, KEPT_EDITOR_DRAFT }

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
     * Writes the fiches of an imported document, in one transaction. With {@code publishNew} (the first import, into
     * an empty register: the official text), a fiche never seen is published at once; otherwise it becomes a draft
     * that an admin publishes. A fiche whose imported content changed gets a new draft (unless an editor's draft is
     * pending); an unchanged one is left alone.
     */
    @Transactional
    public List<Written> importFiches(List<Fiche> fiches, String user, boolean publishNew) {
        lockRegister();
        Instant now = Instant.now();
        return fiches.stream().map(f -> importOne(f, user, now, publishNew)).toList();
    }

    private Written importOne(Fiche parsed, String user, Instant now, boolean publishNew) {
        Fiche content = parsed.content();
        lockFiche(content.number());
        String hash = codec.contentSha256(content);
        Optional<FicheVersion> latest = FicheVersion.latest(content.number());
        if (latest.isEmpty()) {
            FicheVersion v = newVersion(content, 1, publishNew ? Status.PUBLISHED : Status.DRAFT, Origin.IMPORT, user,
                    now, hash, null);
            if (publishNew) {
                v.publishedAt = now;
                v.publishedBy = user;
            }
            v.persist();
            return new Written(v.number, v.version, publishNew ? Outcome.PUBLISHED : Outcome.DRAFTED);
        }
        boolean sameAsLastImport = FicheVersion.latestImported(content.number())
                .map(i -> i.contentSha256.equals(hash)).orElse(false);
        if (sameAsLastImport || latest.get().contentSha256.equals(hash)) {
            return new Written(content.number(), latest.get().version, Outcome.UNCHANGED);
        }
        Optional<FicheVersion> pending = FicheVersion.current(content.number(), Status.DRAFT);
        if (pending.isPresent() && pending.get().origin == Origin.EDIT) {
            return new Written(content.number(), pending.get().version, Outcome.KEPT_EDITOR_DRAFT);
        }
        FicheVersion draft = writeDraft(content, latest.get(), Origin.IMPORT, user, now, hash);
        return new Written(draft.number, draft.version, Outcome.DRAFTED);
    }

    /**
     * An editor's version of a fiche, as a draft; the same content as the latest version writes nothing.
     *
     * @param baseVersion the version the editor started from (If-Match), or null: when given and no longer the
     *                    latest, nothing is written (412) so that nobody overwrites a change they have not seen
     */
    @Transactional
    public Written saveDraft(Fiche edited, String user, Integer baseVersion) {
        lockFiche(edited.number());
        if (baseVersion != null) {
            int latestVersion = FicheVersion.latest(edited.number()).map(v -> v.version).orElse(0);
            if (latestVersion != baseVersion) {
                throw new ProblemException(412, "Version modifiée", "La fiche n°" + edited.number()
                        + " a changé depuis la version " + baseVersion + " (dernière version : " + latestVersion
                        + ") : relisez-la avant de l'enregistrer.");
            }
        }
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
        if (FicheVersion.latest(number).isEmpty()) {
            throw ProblemException.notFound("La fiche n°" + number + " n'existe pas.");
        }
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
        LOG.infof("Fiche %d version %d published by %s", number, draft.version, user);
        return draft;
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FicheService.class);

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
        if (status == Status.DRAFT) {
            LOG.infof("Fiche %d version %d written as a draft by %s (%s)", v.number, version, user, origin);
        }
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
        Panache.getEntityManager().createNativeQuery("select 1 from " + AdvisoryLock.FICHE_WRITERS.exclusive(":n"))
                .setParameter("n", number).getSingleResult();
    }

    /** Serialises imports and seeding across replicas, and against editors. */
    private static void lockRegister() {
        Panache.getEntityManager().createNativeQuery("select 1 from " + AdvisoryLock.REGISTER_IMPORT.exclusive("0"))
                .getSingleResult();
    }
}
