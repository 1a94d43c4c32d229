package fr.assurancemaladie.rgpd.rights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** rights-service's own settings ({@code rgpd.rights.*}); Quarkus's are in application.properties. */
@ConfigMapping(prefix = "rgpd.rights")
public interface RightsConfig {

    /**
     * The fiches of national processing (the Cnam is their controller): a request on them goes to the Cnam's DPO,
     * the rest to the person's caisse ({@code Routing}).
     */
    Optional<Set<Integer>> nationalFiches();

    /** The relay of rights.events ({@code OutboxRelay}). */
    Outbox outbox();

    /** Letters and their delivery by e-mail ({@code LetterOutbox}). */
    Letters letters();

    /** Duplicate and repetition flags ({@code Repetition}). */
    Repetition repetition();

    interface Repetition {
        /** The period a repetition is looked for in, ISO-8601 (default six months). */
        @WithDefault("P6M")
        String period();

        /** How many similar requests within the period make a new one repetitive. */
        @WithDefault("2")
        int flagFrom();
    }

    /** The service's "today" ({@code RightsClock}). */
    Clock clock();

    interface Outbox {
        /** Events sent per round. */
        @WithDefault("200")
        int batchSize();

        /** How long a round waits for Kafka's acknowledgements before leaving the rest to the next round. */
        @WithDefault("PT10S")
        Duration ackTimeout();

        /** Time between rounds (read by the scheduler as {@code ${rgpd.rights.outbox.interval}}). */
        @WithDefault("1s")
        String interval();
    }

    interface Letters {
        /** The sender of every e-mail. */
        @WithDefault("Assurance Maladie - protection des donnees <dpo-noreply@rgpd.assurance-maladie.invalid>")
        String from();

        /** The domain part of each e-mail's Message-ID ({@code <letter id@domain>}). */
        @WithDefault("rgpd.assurance-maladie.invalid")
        String messageIdDomain();

        /** Letters handed to the SMTP server per round. */
        @WithDefault("50")
        int batchSize();

        /** How long a round waits for the SMTP server before leaving the rest to the next round. */
        @WithDefault("PT20S")
        Duration sendTimeout();

        /** Time between rounds (read by the scheduler as {@code ${rgpd.rights.letters.interval}}). */
        @WithDefault("2s")
        String interval();

        /** The SMTP server ({@code SmtpClient}). */
        Smtp smtp();

        /** When the DPOs' daily digest is written (cron, Paris time; read as {@code ${rgpd.rights.letters.digest-cron}}). */
        @WithDefault("0 0 7 * * ?")
        String digestCron();
    }

    interface Smtp {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("3025")
        int port();

        /** DISABLED, OPTIONAL or REQUIRED. */
        @WithDefault("OPTIONAL")
        String startTls();

        /** TLS from the first byte (port 465). */
        @WithDefault("false")
        boolean ssl();

        Optional<String> username();

        /** A secret: from the environment ({@code RGPD_RIGHTS_LETTERS_SMTP_PASSWORD}), never a file in the image. */
        Optional<String> password();

        @WithDefault("PT5S")
        Duration connectTimeout();

        /**
         * How long a message may wait for the server's answer before it is given up and tried again (the server may
         * have taken it meanwhile: an e-mail may then arrive twice, with the same Message-ID).
         */
        @WithDefault("PT60S")
        Duration giveUpAfter();
    }

    interface Clock {
        /** An instant the clock stands still at (tests whose dates are written by hand only, never production). */
        Optional<Instant> fixed();
    }
}
