package fr.assurancemaladie.rgpd.rights.letter;

import fr.assurancemaladie.rgpd.rights.RightsConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SMTP client letters are sent with (Vert.x's mail client, settings {@code rgpd.rights.letters.smtp.*}). After a
 * failure that is not the server's final word (the server away, a connection cut), the client is closed and a new one
 * made for the next attempt: a pool that lost its connections never holds back the letters that follow.
 */
@ApplicationScoped
public class SmtpClient {

    /** What the server said of one message. {@code refusal}: a permanent refusal (5xx), with its reply code. */
    public record Outcome(boolean accepted, String refusal) {
    }

    @Inject
    Vertx vertx;

    @Inject
    RightsConfig config;

    private MailClient client;

    private synchronized MailClient client() {
        if (client == null) {
            RightsConfig.Smtp smtp = config.letters().smtp();
            MailConfig c = new MailConfig().setHostname(smtp.host()).setPort(smtp.port())
                    .setStarttls(StartTLSOptions.valueOf(smtp.startTls())).setSsl(smtp.ssl())
                    .setConnectTimeout((int) smtp.connectTimeout().toMillis()).setKeepAlive(true)
                    .setMaxPoolSize(4);
            smtp.username().ifPresent(c::setUsername);
            smtp.password().ifPresent(c::setPassword);
            client = MailClient.create(vertx, c);
        }
        return client;
    }

    /**
     * The next letters get a new client; the failed one is closed a while later, once the sends it still holds have
     * completed (closing it at once would leave them without an answer).
     */
    private synchronized void reset(MailClient failed) {
        if (client == failed && client != null) {
            client = null;
            vertx.setTimer(config.letters().smtp().giveUpAfter().toMillis(), id -> failed.close());
        }
    }

    /** Sends an HTML message; completes with the server's final answer, or fails when it may be tried again. */
    public CompletableFuture<Outcome> send(String to, String subject, String html, String messageId) {
        MailMessage message = new MailMessage().setFrom(config.letters().from()).setTo(List.of(to)).setSubject(subject)
                .setHtml(html);
        message.addHeader("Message-ID", messageId);
        MailClient c = client();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        c.sendMail(message).onComplete(result -> {
            if (result.succeeded()) {
                outcome.complete(new Outcome(true, null));
            } else if (result.cause() instanceof SMTPException smtp && smtp.isPermanent()) {
                outcome.complete(new Outcome(false, "SMTP " + smtp.getReplyCode()));
            } else {
                reset(c);
                outcome.completeExceptionally(result.cause());
            }
        });
        // a server that never answers: the letter is tried again (the relay never hands over one still in flight)
        return outcome.orTimeout(config.letters().smtp().giveUpAfter().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> {
                    if (failure instanceof java.util.concurrent.TimeoutException) {
                        reset(c);
                    }
                });
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
