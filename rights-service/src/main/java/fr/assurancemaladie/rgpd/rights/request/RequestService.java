package fr.assurancemaladie.rgpd.rights.request;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.events.Nir;
import fr.assurancemaladie.rgpd.events.RightsEventData;
import fr.assurancemaladie.rgpd.events.SubjectRefs;
import fr.assurancemaladie.rgpd.rights.RightsConfig;
import fr.assurancemaladie.rgpd.rights.audit.AuditEntry;
import fr.assurancemaladie.rgpd.rights.deadline.CaisseCalendars;
import fr.assurancemaladie.rgpd.rights.deadline.law.DeadlineCalculator;
import fr.assurancemaladie.rgpd.rights.deadline.law.HolidayCalendar;
import fr.assurancemaladie.rgpd.rights.letter.Letter;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts;
import fr.assurancemaladie.rgpd.rights.letter.Letters;
import fr.assurancemaladie.rgpd.rights.letter.law.LetterKind;
import fr.assurancemaladie.rgpd.rights.letter.law.LetterLaw;
import fr.assurancemaladie.rgpd.rights.outbox.RightsOutbox;
import fr.assurancemaladie.rgpd.rights.request.RegisterView.FicheInfo;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.ActionBody;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.Applicability;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.CaisseRef;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.Deadline;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.FicheApplicability;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.Related;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.RequestView;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.Submission;
import fr.assurancemaladie.rgpd.rights.request.law.LimitationLifecycle;
import fr.assurancemaladie.rgpd.rights.request.law.Repetition;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Action;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Command;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.RefusalGround;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Status;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Transition;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow;
import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import fr.assurancemaladie.rgpd.rights.request.law.Routing;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rights requests: submission (by the person, or registered by a DPO for a paper request), applicability from the
 * register, routing to the DPO of the person's caisse (national processing → Cnam; never from the NIR), the legal
 * deadline, the workflow, and every change written with its event (outbox) and its audit line.
 */
@ApplicationScoped
public class RequestService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int MAX_MESSAGE = 4000;
    static final int MAX_RECTIFICATION = 2000;
    static final String CNIL_ROUTE = LetterLaw.CNIL_ROUTE;
    static final int MAX_EMAIL = 254;
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    RegisterView register;

    @Inject
    RightsOutbox outbox;

    @Inject
    SubjectRefs subjectRefs;

    @Inject
    fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory caisses;

    @Inject
    RightsConfig config;

    @Inject
    Letters letters;

    @Inject
    CaisseCalendars calendars;

    @Inject
    fr.assurancemaladie.rgpd.rights.letter.LetterRenderer renderer;

    @Inject
    fr.assurancemaladie.rgpd.rights.time.RightsClock clock;

    LocalDate today() {
        return clock.today();
    }

    // ---------------------------------------------------------------- submission

    @Transactional
    public RequestView submit(Caller caller, Submission s) {
        if (s == null) {
            throw ProblemException.badRequest("Le corps de la demande doit être un objet JSON.");
        }
        RightType type = parseType(s.type());
        if (s.ficheNumber() != null && s.domainCode() != null) {
            throw ProblemException.badRequest("Indiquez une fiche (ficheNumber) ou un domaine (domainCode), pas les deux.");
        }
        checkText("message", s.message(), MAX_MESSAGE);
        checkText("rectification", s.rectification(), MAX_RECTIFICATION);
        String rectification = blankToNull(s.rectification());
        if (type == RightType.RECTIFICATION && rectification == null) {
            throw ProblemException.badRequest("Une demande de rectification doit indiquer la nouvelle valeur (rectification).");
        }
        if (rectification != null && rectification.length() > MAX_RECTIFICATION) {
            throw ProblemException.badRequest("La rectification ne doit pas dépasser " + MAX_RECTIFICATION + " caractères.");
        }
        // who, for whom, received when and how
        Nir nir;
        fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo home;
        LocalDate receivedOn;
        RightsRequest.Channel channel;
        String email;
        if (caller.dpo()) {
            if (s.nir() == null || s.nir().isBlank()) {
                throw ProblemException.badRequest("Indiquez le NIR de la personne (nir).");
            }
            nir = Nir.parse(s.nir());
            home = caisses.get(caller.caisse()).orElseThrow(() -> ProblemException.badRequest(
                    "Votre jeton n'indique pas de caisse connue : impossible d'enregistrer la demande."));
            receivedOn = parseReceivedOn(s.receivedOn());
            channel = parseChannel(s.channel());
            email = parseEmail(s.email());
        } else if (caller.citizen()) {
            if (s.nir() != null || s.receivedOn() != null || s.channel() != null || s.email() != null) {
                throw ProblemException.badRequest("Les champs nir, receivedOn, channel et email sont réservés aux DPO qui "
                        + "enregistrent une demande reçue par courrier ou à l'accueil (vos courriers vont à l'adresse "
                        + "de votre compte).");
            }
            if (caller.nir() == null) {
                throw ProblemException.badRequest("Votre compte n'indique pas de NIR : impossible de déposer une demande en ligne.");
            }
            nir = Nir.parse(caller.nir());
            home = caisses.get(caller.caisse()).orElseThrow(() -> ProblemException.badRequest(
                    "Votre compte n'indique pas de caisse de rattachement connue."));
            receivedOn = today();
            channel = RightsRequest.Channel.ONLINE;
            email = caller.email() != null && EMAIL.matcher(caller.email()).matches()
                    && caller.email().length() <= MAX_EMAIL ? caller.email() : null;
        } else {
            throw ProblemException.forbidden("Seuls une personne concernée ou un DPO peuvent déposer une demande.");
        }
        // which fiches
        RightsRequest.Scope scope;
        List<FicheInfo> fiches;
        if (s.ficheNumber() != null) {
            scope = RightsRequest.Scope.FICHE;
            fiches = List.of(register.fiche(s.ficheNumber()).orElseThrow(() -> ProblemException.badRequest(
                    "La fiche n°" + s.ficheNumber() + " n'existe pas dans le registre publié.")));
        } else if (s.domainCode() != null) {
            scope = RightsRequest.Scope.DOMAIN;
            fiches = register.domain(s.domainCode().strip());
            if (fiches.isEmpty()) {
                throw ProblemException.badRequest("Le domaine « " + Excerpt.of(s.domainCode()) + " » n'existe pas dans le registre publié.");
            }
        } else {
            scope = RightsRequest.Scope.ALL;
            fiches = register.published();
            if (fiches.isEmpty()) {
                throw new ProblemException(503, "Registre indisponible",
                        "Le registre n'est pas encore disponible : réessayez dans quelques instants.");
            }
        }
        // one request per DPO: national processing goes to the Cnam, the rest to the person's caisse
        Map<String, List<FicheInfo>> byCaisse = Routing.route(fiches, FicheInfo::number, config.nationalFiches().orElse(Set.of()), home.code());
        UUID group = UUID.randomUUID();
        String subjectRef = subjectRefs.of(nir);
        Instant now = Instant.now();
        // the person's requests are read and written one transaction at a time (duplicates, repetition)
        outbox.lockPerson(subjectRef);
        List<RightsRequest> created = new ArrayList<>();
        List<RequestView> views = new ArrayList<>();
        for (Map.Entry<String, List<FicheInfo>> e : byCaisse.entrySet()) {
            var caisse = caisses.get(e.getKey()).orElseThrow();
            RightsRequest r = new RightsRequest();
            r.id = UUID.randomUUID();
            r.groupId = group;
            r.type = type;
            r.scope = scope;
            r.ficheNumber = s.ficheNumber();
            r.domainCode = scope == RightsRequest.Scope.DOMAIN ? s.domainCode().strip() : null;
            r.nir = nir.value();
            r.subjectRef = subjectRef;
            r.caisseCode = caisse.code();
            r.channel = channel;
            r.receivedOn = receivedOn;
            r.periodStart = receivedOn;
            r.dueOn = DeadlineCalculator.dueOn(receivedOn, DeadlineCalculator.ONE_MONTH, calendars.of(caisse.code(), receivedOn));
            r.message = blankToNull(s.message());
            r.rectification = rectification;
            r.contactEmail = email;
            r.submittedBy = caller.username();
            r.createdAt = now;
            r.updatedAt = now;
            Set<Integer> ficheNumbers = e.getValue().stream().map(FicheInfo::number).collect(Collectors.toSet());
            Repetition.Flags flags = Repetition.assess(ficheNumbers, receivedOn,
                    earlier(subjectRef, type, caisse.code(), receivedOn, ficheNumbers),
                    java.time.Period.parse(config.repetition().period()), config.repetition().flagFrom());
            r.duplicateOf = flags.duplicateOf();
            r.earlierSimilar = flags.earlierSimilar();
            r.repetitive = flags.repetitive();
            boolean anyApplies = e.getValue().stream().anyMatch(f -> f.applies(type));
            r.status = anyApplies ? Status.RECEIVED : Status.ANSWERED_NOT_APPLICABLE;
            if (!anyApplies) {
                r.answer = notApplicableAnswer(type, e.getValue(), caisse);
                r.outcome = RightsRequest.Outcome.NOT_APPLICABLE;
                r.decidedAt = now;
            }
            r.persist();
            List<RequestFiche> rows = new ArrayList<>();
            for (FicheInfo f : e.getValue()) {
                RequestFiche rf = new RequestFiche();
                rf.requestId = r.id;
                rf.ficheNumber = f.number();
                rf.ficheVersion = f.version();
                rf.title = f.title();
                rf.applies = f.applies(type);
                rf.reason = f.reason(type);
                rf.persist();
                rows.add(rf);
            }
            List<Integer> numbers = rows.stream().map(x -> x.ficheNumber).toList();
            append(EventTypes.REQUEST_SUBMITTED, r, null, numbers, List.of());
            append(EventTypes.REQUEST_ROUTED, r, null, numbers, List.of());
            if (!anyApplies) {
                append(EventTypes.REQUEST_ANSWERED, r, null, numbers, List.of());
            }
            // every transition is a line of the audit trail, the submission and the automatic answer included
            AuditEntry.record(caller.username(), caller.role(), r.caisseCode, r.id, caller.dpo() ? "REGISTER" : "SUBMIT",
                    "Demande " + type + " reçue par " + channel + " le " + receivedOn + flagsText(flags));
            if (!anyApplies) {
                AuditEntry.record("rights-service", "system", r.caisseCode, r.id, "ANSWER_NOT_APPLICABLE",
                        "Réponse automatique : droit non applicable selon le registre");
            }
            for (LetterKind kind : LetterLaw.onSubmission(anyApplies)) {
                letters.write(kind, about(r, rows), LetterFacts.Decision.none());
            }
            created.add(r);
            views.add(view(r, rows, caisse));
        }
        RequestView first = views.get(0);
        if (created.size() == 1) {
            return first;
        }
        List<Related> related = new ArrayList<>();
        for (int i = 1; i < created.size(); i++) {
            related.add(new Related(created.get(i).id, views.get(i).caisse(), created.get(i).status.name()));
        }
        return withRelated(first, related);
    }

    /** How many similar earlier requests are read at most: the count shown is then "at least" this many. */
    static final int MAX_SIMILAR = 100;

    /**
     * The person's earlier requests of a right at a caisse that {@link Repetition} needs, in two bounded reads (a
     * person may have thousands of requests): the earliest open one on a common fiche, and the most recent ones on a
     * common fiche within the repetition period. The SQL only narrows the candidates; the rule is {@code Repetition}.
     */
    private List<Repetition.Earlier> earlier(String subjectRef, RightType type, String caisse, LocalDate receivedOn,
            Set<Integer> fiches) {
        LocalDate since = receivedOn.minus(java.time.Period.parse(config.repetition().period()));
        String candidates = "select r.id, r.received_on, request_open(r.status), r.created_at, "
                + "(select string_agg(f.fiche_number::text, ',') "
                + "from request_fiche f where f.request_id = r.id) from rights_request r where r.subject_ref = :s "
                + "and r.type = :t and r.caisse_code = :c and exists (select 1 from request_fiche f "
                + "where f.request_id = r.id and f.fiche_number in (:fiches)) ";
        List<Object[]> rows = new ArrayList<>();
        rows.addAll(rows(candidates + "and request_open(r.status) order by r.received_on, r.created_at, r.id limit 1", subjectRef,
                type, caisse, fiches, null));
        rows.addAll(rows(candidates + "and r.received_on > :since order by r.received_on desc, r.created_at desc, r.id desc limit "
                + MAX_SIMILAR, subjectRef, type, caisse, fiches, since));
        Map<UUID, Repetition.Earlier> out = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Set<Integer> numbers = java.util.Arrays.stream(((String) row[4]).split(",")).map(Integer::valueOf)
                    .collect(Collectors.toSet());
            out.putIfAbsent((UUID) row[0], new Repetition.Earlier((UUID) row[0], numbers, (Boolean) row[2],
                    NativeRows.date(row[1]), NativeRows.instant(row[3])));
        }
        return List.copyOf(out.values());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, String subjectRef, RightType type, String caisse, Set<Integer> fiches,
            LocalDate since) {
        var q = RightsRequest.getEntityManager().createNativeQuery(sql).setParameter("s", subjectRef)
                .setParameter("t", type.name()).setParameter("c", caisse).setParameter("fiches", fiches);
        if (since != null) {
            q.setParameter("since", since);
        }
        return q.getResultList();
    }

    private static String flagsText(Repetition.Flags flags) {
        if (!flags.any()) {
            return "";
        }
        return " — signalée au DPO : " + (flags.duplicateOf() == null ? "" : "doublon de la demande "
                + flags.duplicateOf() + " encore ouverte" + (flags.repetitive() ? " ; " : ""))
                + (flags.repetitive() ? flags.earlierSimilar() + " demande(s) semblable(s) dans la période (article 12, "
                        + "paragraphe 5 du RGPD)" : "");
    }

    /** The automatic answer when no fiche of the request admits the right (art. 12(4)): the reasons, the DPO, the CNIL. */
    static String notApplicableAnswer(RightType type, List<FicheInfo> fiches,
            fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo caisse) {
        StringBuilder a = new StringBuilder("Votre demande (" + Letters.label(type) + ") a bien été enregistrée. Ce droit ne "
                + "s'applique pas au" + (fiches.size() > 1 ? "x traitements concernés" : " traitement concerné") + " :\n");
        for (FicheInfo f : fiches) {
            a.append("- Fiche ").append(f.number()).append(f.title() == null ? "" : " « " + f.title() + " »").append(" : ")
                    .append(f.reason(type)).append('\n');
        }
        a.append("Pour toute question, vous pouvez écrire au délégué à la protection des données de la ").append(caisse.name())
                .append(" : ").append(caisse.dpoEmail()).append(", ").append(caisse.dpoPostalAddress()).append(".\n");
        a.append(CNIL_ROUTE);
        return a.toString();
    }

    // ---------------------------------------------------------------- reading

    /** A request its owner or its caisse's DPO may see; anyone else gets 404 (ids cannot be probed). */
    @Transactional
    public RequestView read(Caller caller, UUID id) {
        RightsRequest r = visible(caller, id);
        if (caller.dpo()) {
            AuditEntry.record(caller.username(), caller.role(), r.caisseCode, r.id, "READ", null);
        }
        return view(r, RightsRequest.list("groupId = ?1 order by createdAt, id", r.groupId));
    }

    @Transactional
    public List<RequestView> mine(Caller caller) {
        if (caller.nir() == null) {
            return List.of();
        }
        String subjectRef = subjectRefs.of(Nir.parse(caller.nir()));
        List<RightsRequest> all = RightsRequest.ofSubject(subjectRef);
        Map<UUID, List<RightsRequest>> groups = all.stream().collect(Collectors.groupingBy(r -> r.groupId));
        return all.stream().map(r -> view(r, groups.get(r.groupId))).toList();
    }

    /** What a request's owner and its DPO read of its life: each state change, when, with its reason if it has one. */
    static final Map<String, String> STEPS = new java.util.LinkedHashMap<>();
    static {
        STEPS.put("SUBMIT", "Demande reçue");
        STEPS.put("REGISTER", "Demande enregistrée par le DPO (reçue par courrier, courriel ou au guichet)");
        STEPS.put("ANSWER_NOT_APPLICABLE", "Réponse immédiate : le droit ne s'applique pas selon le registre");
        STEPS.put("START", "Prise en charge par le délégué à la protection des données");
        STEPS.put("REQUEST_IDENTITY", "Informations d'identité demandées (le délai est suspendu)");
        STEPS.put("IDENTITY_RECEIVED", "Informations d'identité reçues (le délai repart)");
        STEPS.put("EXTEND", "Délai prolongé de deux mois");
        STEPS.put("ANSWER", "Réponse envoyée");
        STEPS.put("REFUSE", "Demande refusée");
        STEPS.put("CLOSE", "Demande close");
        STEPS.put("NOTIFY_LIFT", "Vous êtes informé(e) de la levée prochaine de la limitation");
        STEPS.put("LIFT", "Limitation levée");
    }
    /** Steps whose reason the person must be told (art. 12(3), 12(4), 18(3)). */
    static final java.util.Set<String> TOLD_REASON = java.util.Set.of("REQUEST_IDENTITY", "EXTEND", "REFUSE",
            "NOTIFY_LIFT");

    @Transactional
    public List<RequestViews.Step> timeline(Caller caller, UUID id) {
        RightsRequest r = visible(caller, id);
        List<AuditEntry> lines = AuditEntry.list("requestId = ?1 and action in ?2 order by at, id", r.id,
                STEPS.keySet());
        List<RequestViews.Step> steps = new ArrayList<>(lines.stream().map(l -> new RequestViews.Step(l.at, l.action,
                STEPS.get(l.action), TOLD_REASON.contains(l.action) ? l.detail : null, null)).toList());
        for (Letter l : letters.ofRequest(r.id)) {
            steps.add(new RequestViews.Step(l.createdAt, "LETTER", "Courrier : " + l.kind.label(), deliveryText(l), l.id));
        }
        steps.sort(java.util.Comparator.comparing(RequestViews.Step::at));
        return steps;
    }

    private static String deliveryText(Letter l) {
        return switch (l.delivery) {
            case PENDING -> "Envoi par courriel en cours";
            case SENT -> "Envoyé par courriel";
            case POSTAL -> "À envoyer par la poste";
            case UNDELIVERABLE -> "Courriel refusé par le serveur de messagerie : envoi par la poste";
        };
    }

    RightsRequest visible(Caller caller, UUID id) {
        RightsRequest r = RightsRequest.findById(id);
        if (r == null) {
            throw notFound();
        }
        boolean owner = caller.citizen() && caller.nir() != null && Nir.isValid(caller.nir())
                && subjectRefs.of(Nir.parse(caller.nir())).equals(r.subjectRef);
        boolean itsDpo = caller.dpo() && r.caisseCode.equals(caller.caisse());
        if (!owner && !itsDpo) {
            throw notFound();
        }
        return r;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Cette demande n'existe pas ou ne vous est pas accessible.");
    }

    /** What the register can say in answer to an access request (art. 15(1)), for its owner or its DPO. */
    @Transactional
    public AccessSummary accessSummary(Caller caller, UUID id) {
        RightsRequest r = visible(caller, id);
        if (r.type != RightType.ACCESS) {
            throw ProblemException.conflict("Le récapitulatif d'accès ne concerne que les demandes d'accès.");
        }
        if (caller.dpo()) {
            AuditEntry.record(caller.username(), caller.role(), r.caisseCode, r.id, "ACCESS_SUMMARY", null);
        }
        List<FichePublished> fiches = RequestFiche.of(r.id).stream()
                .map(f -> register.fiche(f.ficheNumber)).flatMap(Optional::stream).map(FicheInfo::fiche).toList();
        return AccessSummary.of(r.id, fiches, CNIL_ROUTE);
    }

    /** The audit trail of a caisse, newest first, for its DPOs. */
    @Transactional
    public List<AuditEntry> audit(Caller caller, String caisseCode, UUID requestId, int limit) {
        if (!caller.dpo() || caller.caisse() == null || !caller.caisse().equalsIgnoreCase(caisseCode)) {
            throw ProblemException.forbidden("Vous ne pouvez consulter que le journal de votre caisse.");
        }
        return requestId == null
                ? AuditEntry.find("caisseCode = ?1 order by at desc, id desc", caller.caisse()).page(0, limit).list()
                : AuditEntry.find("caisseCode = ?1 and requestId = ?2 order by at desc, id desc", caller.caisse(), requestId)
                        .page(0, limit).list();
    }

    // ---------------------------------------------------------------- workflow

    @Transactional
    public RequestView act(Caller caller, UUID id, ActionBody body) {
        if (!caller.dpo()) {
            throw ProblemException.forbidden("Seul le DPO de la caisse traite une demande.");
        }
        RightsRequest r = visible(caller, id); // another caisse's request: 404
        if (body == null || body.action() == null) {
            throw ProblemException.badRequest("Indiquez l'action (action : START, REQUEST_IDENTITY, IDENTITY_RECEIVED, "
                    + "EXTEND, ANSWER, REFUSE, CLOSE, ASSIGN, NOTIFY_LIFT, LIFT, REVIEW_FLAGS).");
        }
        RequestWorkflow.Step step;
        try {
            step = RequestWorkflow.Step.valueOf(body.action().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Action inconnue : « " + Excerpt.of(body.action()) + " ».");
        }
        if (step == RequestWorkflow.Step.REVIEW_FLAGS) {
            if (!r.flagsToReview()) {
                throw ProblemException.conflict("Cette demande n'a pas de signalement (doublon ou répétition) à examiner.");
            }
            checkText("reason", body.reason(), 2000);
            String decision = blankToNull(body.reason());
            if (decision == null) {
                throw ProblemException.badRequest("Indiquez votre décision sur le signalement (reason) : par exemple "
                        + "la traiter normalement, ou la refuser comme excessive (action REFUSE, motif EXCESSIVE).");
            }
            r.flagsDecision = decision;
            r.flagsReviewedBy = caller.username();
            r.flagsReviewedAt = Instant.now();
            r.updatedAt = r.flagsReviewedAt;
            AuditEntry.record(caller.username(), caller.role(), r.caisseCode, r.id, "REVIEW_FLAGS", abbreviate(decision));
            return view(r, List.of(r));
        }
        if (step == RequestWorkflow.Step.ASSIGN) {
            if (!r.status.open()) {
                throw ProblemException.conflict("Une demande close ne peut plus être confiée à un agent.");
            }
            String agent = blankToNull(body.reason());
            if (agent != null && agent.length() > 128) {
                throw ProblemException.badRequest("Nom d'agent trop long.");
            }
            if (!TextHygiene.isCleanLine(agent)) {
                throw ProblemException.badRequest(TextHygiene.refusal("Le nom de l'agent", agent, false));
            }
            r.assignedTo = agent == null ? caller.username() : agent;
            r.updatedAt = Instant.now();
            AuditEntry.record(caller.username(), caller.role(), r.caisseCode, r.id, "ASSIGN", "à " + r.assignedTo);
            return view(r, List.of(r));
        }
        checkText("reason", body.reason(), MAX_MESSAGE);
        checkText("answer", body.answer(), 20_000);
        if (step.transition().isEmpty()) {
            return limitationStep(caller, r, step, body);
        }
        Action action = step.transition().get();
        RefusalGround ground = null;
        if (body.ground() != null) {
            try {
                ground = RefusalGround.valueOf(body.ground().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Motif de refus inconnu : « " + Excerpt.of(body.ground()) + " ».");
            }
        }
        var caisse = caisses.get(r.caisseCode).orElseThrow();
        LocalDate firstDueOn = r.dueOn;
        Transition t;
        try {
            t = RequestWorkflow.apply(new RequestWorkflow.State(r.status, r.periodStart, r.dueOn, r.extended,
                    calendar(r)), new Command(action, body.reason(), body.answer(), ground, today()));
        } catch (RequestWorkflow.IllegalTransition e) {
            throw e.conflict() ? ProblemException.conflict(e.getMessage()) : ProblemException.badRequest(e.getMessage());
        }
        r.status = t.status();
        r.periodStart = t.periodStart();
        r.dueOn = t.dueOn();
        r.extended = t.extended();
        if (action == Action.ANSWER) {
            r.answer = body.answer().strip();
        }
        if (action == Action.REFUSE || action == Action.EXTEND || action == Action.REQUEST_IDENTITY) {
            r.reason = body.reason().strip();
        }
        if (action == Action.REFUSE) {
            r.refusalGround = ground;
        }
        r.updatedAt = Instant.now();
        if (action == Action.ANSWER || action == Action.REFUSE) {
            r.outcome = action == Action.ANSWER ? RightsRequest.Outcome.ANSWERED : RightsRequest.Outcome.REFUSED;
            r.decidedAt = r.updatedAt;
        }
        if (action == Action.EXTEND) {
            r.extendedAt = r.updatedAt;
        }
        if (action == Action.ANSWER && r.type == RightType.LIMITATION) {
            // an answered (accepted) limitation holds from now on
            r.limitationState = LimitationLifecycle.State.APPLIED;
        }
        publish(step, r);
        if (action == Action.EXTEND && !LetterLaw.extensionNoticeInTime(today(), firstDueOn)) {
            throw ProblemException.conflict("La prolongation doit être notifiée avant l'échéance du "
                    + firstDueOn.format(FRENCH_DAY) + " : son avis ne peut plus l'être.");
        }
        writeLetters(step, r, firstDueOn);
        AuditEntry.record(caller.username(), caller.role(), r.caisseCode, r.id, action.name(),
                body.reason() == null ? null : abbreviate(body.reason()));
        RightsRequest.getEntityManager().flush(); // a concurrent change of the same request fails here: 409
        return view(r, List.of(r));
    }

    // ---------------------------------------------------------------- letters

    /** The letters a step gives rise to (LetterLaw), written in the step's transaction: no step without its letter. */
    private void writeLetters(RequestWorkflow.Step step, RightsRequest r, LocalDate firstDueOn) {
        for (LetterKind kind : LetterLaw.onStep(step, r.type)) {
            String reason = step == RequestWorkflow.Step.NOTIFY_LIFT ? r.liftNotice : r.reason;
            List<String> recipients = kind == LetterKind.RECIPIENTS_STATEMENT ? recipients(r) : List.of();
            LetterFacts.AccessPart summary = kind == LetterKind.ANSWER && r.type == RightType.ACCESS
                    ? accessPart(r) : null;
            letters.write(kind, about(r, RequestFiche.of(r.id)), new LetterFacts.Decision(reason, r.answer,
                    r.refusalGround == null ? null : r.refusalGround.name(), firstDueOn, recipients, summary));
        }
    }

    private static LetterFacts.AboutRequest about(RightsRequest r, List<RequestFiche> rows) {
        return new LetterFacts.AboutRequest(r.id, r.type, r.scope.name(), r.receivedOn, r.dueOn, r.caisseCode,
                r.contactEmail, rows.stream().map(f -> new LetterFacts.FicheLine(f.ficheNumber, f.title, f.applies,
                        f.reason)).toList());
    }

    private LetterFacts.AccessPart accessPart(RightsRequest r) {
        List<FichePublished> fiches = RequestFiche.of(r.id).stream()
                .map(f -> register.fiche(f.ficheNumber)).flatMap(Optional::stream).map(FicheInfo::fiche).toList();
        AccessSummary a = AccessSummary.of(r.id, fiches, CNIL_ROUTE);
        return new LetterFacts.AccessPart(a.fiches().stream().map(f -> new LetterFacts.FicheSummary(f.ficheNumber(),
                f.title(), String.join(" ; ", f.purposes()), String.join(" ; ", f.legalBases()),
                String.join(" ; ", f.dataCategories()), String.join(" ; ", f.recipients()),
                String.join(" ; ", f.retention()))).toList(), a.source(), a.automatedDecisions(), a.rights());
    }

    /** The letters about a request, for its owner or its DPO. */
    @Transactional
    public List<RequestViews.LetterView> letters(Caller caller, UUID id) {
        RightsRequest r = visible(caller, id);
        return letters.ofRequest(r.id).stream().map(RequestService::letterView).toList();
    }

    /** One letter, with its page (HTML), for its owner or its DPO. */
    @Transactional
    public Letter letter(Caller caller, UUID id, UUID letterId) {
        RightsRequest r = visible(caller, id);
        Letter l = Letter.findById(letterId);
        if (l == null || !r.id.equals(l.requestId)) {
            throw ProblemException.notFound("Ce courrier n'existe pas ou ne vous est pas accessible.");
        }
        if (caller.dpo()) {
            AuditEntry.record(caller.username(), caller.role(), r.caisseCode, r.id, "READ_LETTER", l.kind.name());
        }
        return l;
    }

    /** A letter's PDF and the name it is saved under. */
    public record LetterPdf(byte[] bytes, String fileName) {
    }

    @Transactional
    public LetterPdf letterPdf(Caller caller, UUID id, UUID letterId) {
        Letter l = letter(caller, id, letterId);
        return new LetterPdf(renderer.pdf(l.html), "courrier-" + Letters.reference(id) + "-" + l.kind.name().toLowerCase(
                Locale.ROOT) + ".pdf");
    }

    static RequestViews.LetterView letterView(Letter l) {
        return new RequestViews.LetterView(l.id, l.kind.name(), l.kind.label(), l.subject, l.templateVersion, l.createdAt,
                l.delivery.name(), l.sentAt);
    }

    // ---------------------------------------------------------------- helpers

    private void event(String type, RightsRequest r, String reason) {
        event(type, r, reason, List.of(), false);
    }

    /**
     * @param applicableOnly only the fiches where the right applies (a limitation holds, and recipients are told,
     *                       only for those)
     */
    private void event(String type, RightsRequest r, String reason, List<String> recipients, boolean applicableOnly) {
        List<Integer> fiches = RequestFiche.of(r.id).stream().filter(f -> !applicableOnly || f.applies)
                .map(f -> f.ficheNumber).toList();
        if (fiches.isEmpty() && !applicableOnly) {
            fiches = r.ficheNumber == null ? List.of() : List.of(r.ficheNumber);
        }
        outbox.append(type, new RightsEventData(r.id.toString(), r.subjectRef, r.type.name(), r.status.name(),
                r.caisseCode, fiches, r.dueOn, Instant.now(), reason, recipients));
    }

    private void append(String type, RightsRequest r, String reason, List<Integer> fiches, List<String> recipients) {
        outbox.append(type, new RightsEventData(r.id.toString(), r.subjectRef, r.type.name(), r.status.name(),
                r.caisseCode, fiches, r.dueOn, Instant.now(), reason, recipients));
    }

    /** The recipients the register lists for the fiches where the right applied (GDPR art. 19). */
    private List<String> recipients(RightsRequest r) {
        List<String> out = new ArrayList<>();
        for (RequestFiche f : RequestFiche.of(r.id)) {
            if (f.applies) {
                register.fiche(f.ficheNumber).ifPresent(info -> info.fiche().recipients().forEach(x -> {
                    if (!out.contains(x)) {
                        out.add(x);
                    }
                }));
            }
        }
        return out;
    }

    /** The events the workflow says a step publishes (free text, a DPO's reasons, stays out of the bus). */
    private void publish(RequestWorkflow.Step step, RightsRequest r) {
        for (RequestWorkflow.Emission e : RequestWorkflow.emissions(step, r.type, r.refusalGround)) {
            event(e.type(), r, e.code(), e.recipients() ? recipients(r) : List.of(), e.applicableFichesOnly());
        }
    }

    private RequestView limitationStep(Caller caller, RightsRequest r, RequestWorkflow.Step step, ActionBody body) {
        if (r.type != RightType.LIMITATION || r.limitationState == null) {
            throw ProblemException.conflict("Cette demande n'a pas de limitation en cours.");
        }
        try {
            if (step == RequestWorkflow.Step.NOTIFY_LIFT) {
                r.limitationState = LimitationLifecycle.notice(r.limitationState, body.reason());
                r.liftNotice = body.reason().strip();
                r.liftNoticeAt = Instant.now();
                writeLetters(step, r, r.dueOn);
            } else {
                r.limitationState = LimitationLifecycle.lift(r.limitationState, r.liftNoticeAt, Instant.now());
                r.liftedAt = Instant.now();
            }
            publish(step, r);
        } catch (RequestWorkflow.IllegalTransition e) {
            throw e.conflict() ? ProblemException.conflict(e.getMessage()) : ProblemException.badRequest(e.getMessage());
        }
        r.updatedAt = Instant.now();
        AuditEntry.record(caller.username(), caller.role(), r.caisseCode, r.id, step.name(),
                body.reason() == null ? null : abbreviate(body.reason()));
        return view(r, List.of(r));
    }

    RequestView view(RightsRequest r, List<RightsRequest> group) {
        RequestView v = view(r, RequestFiche.of(r.id), caisses.get(r.caisseCode).orElseThrow());
        List<Related> related = group.stream().filter(g -> !g.id.equals(r.id))
                .map(g -> new Related(g.id, caisseRef(g.caisseCode), g.status.name())).toList();
        return related.isEmpty() ? v : withRelated(v, related);
    }

    private CaisseRef caisseRef(String code) {
        var c = caisses.get(code).orElseThrow();
        return new CaisseRef(c.code(), c.name());
    }

    private static RequestView withRelated(RequestView v, List<Related> related) {
        return new RequestView(v.id(), v.groupId(), v.type(), v.status(), v.scope(), v.ficheNumber(), v.domainCode(),
                v.channel(), v.receivedOn(), v.dueOn(), v.extended(), v.caisse(), v.applicability(), v.message(),
                v.rectification(), v.answer(), v.reason(), v.refusalGround(), v.assignedTo(), v.limitation(),
                v.createdAt(), v.updatedAt(), related, v.deadline(), v.actions(), v.flags());
    }

    RequestView view(RightsRequest r, List<RequestFiche> rows, fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo caisse) {
        List<FicheApplicability> fiches = rows.stream()
                .map(f -> new FicheApplicability(f.ficheNumber, f.title, f.applies, f.reason)).toList();
        boolean applies = fiches.stream().anyMatch(FicheApplicability::applies);
        String reason = fiches.size() == 1 ? fiches.get(0).reason()
                : fiches.stream().filter(FicheApplicability::applies).count() + " traitement(s) sur " + fiches.size()
                        + " admettent ce droit ; le détail figure fiche par fiche.";
        return new RequestView(r.id, r.groupId, r.type.name(), r.status.name(), r.scope.name(), r.ficheNumber,
                r.domainCode, r.channel.name(), r.receivedOn, r.dueOn, r.extended, new CaisseRef(caisse.code(), caisse.name()),
                new Applicability(applies, reason, fiches), r.message, r.rectification, r.answer, r.reason,
                r.refusalGround == null ? null : r.refusalGround.name(), r.assignedTo,
                r.limitationState == null ? null : r.limitationState.name(), r.createdAt, r.updatedAt, null,
                deadline(r, caisse), actions(r, caisse), r.duplicateOf == null && !r.repetitive ? null
                        : new RequestViews.Flags(r.duplicateOf, r.earlierSimilar, r.repetitive, r.flagsReviewedAt != null,
                                r.flagsDecision, r.flagsReviewedBy, r.flagsReviewedAt));
    }

    static final java.time.format.DateTimeFormatter FRENCH_DAY = java.time.format.DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    /** The due date with its explanation, in French, from the deadline law. */
    private Deadline deadline(RightsRequest r, fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo caisse) {
        HolidayCalendar departement = calendar(r);
        LocalDate start = r.periodStart == null ? r.receivedOn : r.periodStart;
        int months = r.extended ? DeadlineCalculator.EXTENDED : DeadlineCalculator.ONE_MONTH;
        DeadlineCalculator.Explanation e = DeadlineCalculator.explain(start, months, departement);
        StringBuilder text = new StringBuilder();
        text.append(start.equals(r.receivedOn) ? "Demande reçue le " : "Délai reparti le ").append(start.format(FRENCH_DAY))
                .append(start.equals(r.receivedOn) ? "" : " (arrivée des informations d'identité demandées)")
                .append(" : ").append(months == 1 ? "un mois" : "trois mois (délai prolongé)").append(" plus tard, le ")
                .append(e.nominal().format(FRENCH_DAY));
        if (e.skipped().isEmpty()) {
            text.append(".");
        } else {
            text.append(", ").append(e.skipped().size() == 1 ? "jour non ouvré" : "jours non ouvrés").append(" (")
                    .append(String.join(", ", e.skipped().stream().map(d -> d.day().getDayOfMonth() + " : " + d.why())
                            .toList()))
                    .append(") : l'échéance passe au ").append(e.dueOn().format(FRENCH_DAY)).append(".");
        }
        if (!e.dueOn().equals(r.dueOn)) {
            // an extension never shortens a period that identity information restarted (RequestWorkflow)
            text.append(" Échéance retenue : ").append(r.dueOn.format(FRENCH_DAY)).append(".");
        }
        text.append(" (RGPD, article 12, paragraphe 3 ; règlement 1182/71, article 3.)");
        boolean extensionPossible = RequestWorkflow.allowed(state(r, departement), today())
                .contains(RequestWorkflow.Action.EXTEND);
        return new Deadline(r.dueOn, start, months, e.nominal(), text.toString(), extensionPossible,
                extensionPossible ? r.dueOn : null);
    }

    /** The caisse's calendar (data: legal holidays and local days) for the request's current period. */
    private HolidayCalendar calendar(RightsRequest r) {
        return calendars.of(r.caisseCode, r.periodStart == null ? r.receivedOn : r.periodStart);
    }

    private static RequestWorkflow.State state(RightsRequest r, HolidayCalendar departement) {
        return new RequestWorkflow.State(r.status,
                r.periodStart == null ? r.receivedOn : r.periodStart, r.dueOn, r.extended, departement);
    }

    /** What the DPO may do now: the workflow's legal actions, assignment while open, the limitation's next step. */
    private List<String> actions(RightsRequest r, fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo caisse) {
        return RequestWorkflow.offered(state(r, calendar(r)), r.limitationState, today(), r.flagsToReview())
                .stream().map(Enum::name).toList();
    }

    private static RightType parseType(String type) {
        if (type == null) {
            throw ProblemException.badRequest("Indiquez le droit exercé (type : ACCESS, RECTIFICATION, LIMITATION, "
                    + "OBJECTION, ERASURE ou PORTABILITY).");
        }
        try {
            return RightType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Droit inconnu : « " + Excerpt.of(type) + " » (ACCESS, RECTIFICATION, LIMITATION, "
                    + "OBJECTION, ERASURE ou PORTABILITY).");
        }
    }

    private LocalDate parseReceivedOn(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("Indiquez la date de réception de la demande (receivedOn, AAAA-MM-JJ).");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Date de réception invalide : « " + Excerpt.of(text) + " » (AAAA-MM-JJ).");
        }
        if (d.isAfter(today())) {
            throw ProblemException.badRequest("La date de réception ne peut pas être dans le futur.");
        }
        if (d.isBefore(today().minusYears(1))) {
            throw ProblemException.badRequest("La date de réception remonte à plus d'un an : vérifiez-la.");
        }
        return d;
    }

    private static String parseEmail(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String e = text.strip();
        if (e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches() || !TextHygiene.isCleanLine(e)) {
            throw ProblemException.badRequest("Adresse électronique invalide (email) : vérifiez-la, ou laissez-la vide "
                    + "pour un envoi par la poste.");
        }
        return e;
    }

    private static RightsRequest.Channel parseChannel(String text) {
        Optional<RightsRequest.Channel> c = Optional.ofNullable(text).map(t -> t.strip().toUpperCase(Locale.ROOT))
                .filter(t -> Set.of("POSTAL", "COUNTER", "EMAIL").contains(t)).map(RightsRequest.Channel::valueOf);
        return c.orElseThrow(() -> ProblemException.badRequest("Indiquez comment la demande a été reçue (channel : POSTAL, "
                + "COUNTER ou EMAIL)."));
    }


    /** Length and characters of a free text: control characters (NUL…) are refused, not stored. */
    private static void checkText(String field, String text, int max) {
        if (text == null) {
            return;
        }
        if (text.length() > max) {
            throw ProblemException.badRequest("Le champ « " + Excerpt.of(field) + " » ne doit pas dépasser " + max + " caractères.");
        }
        if (!TextHygiene.isCleanText(text)) {
            throw ProblemException.badRequest(TextHygiene.refusal("Le champ « " + Excerpt.of(field) + " »", text, true));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "…";
    }
}
