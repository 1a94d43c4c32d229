package fr.assurancemaladie.rgpd.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail, from Maven Central) that keeps what it receives in memory: the local run's and the
 * tests' mail server. {@link #mailbox()} lists what it received; {@link #serveMailbox(int)} shows the same on a small
 * HTTP view ({@code GET /} as a page, {@code GET /messages} as JSON) for people running the stack locally.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    /** A message as received: its Message-ID, recipients, subject and body (the HTML as sent). */
    public record Received(String messageId, List<String> to, String from, String subject, String body) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final int port;
    private volatile GreenMail mail;
    private HttpServer view;

    private EmbeddedSmtpServer(int port) {
        this.port = port;
    }

    /** Starts SMTP on 127.0.0.1:{@code port}, accepting any sender and recipient, without authentication. */
    public static EmbeddedSmtpServer start(int port) {
        EmbeddedSmtpServer server = new EmbeddedSmtpServer(port);
        server.startSmtp();
        return server;
    }

    /** Starts SMTP again on the same port (what it had received before is gone). */
    public synchronized void startSmtp() {
        // GreenMail's threads find Jakarta Mail's providers through their context class loader: this module's own,
        // also when a test starts it from a Quarkus application's class loader
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        current.setContextClassLoader(EmbeddedSmtpServer.class.getClassLoader());
        try {
            GreenMail m = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            m.start();
            mail = m;
        } finally {
            current.setContextClassLoader(before);
        }
    }

    /** Stops SMTP: a test proves what happens while the mail server is away. */
    public synchronized void stopSmtp() {
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    public int port() {
        return port;
    }

    /** Everything received since the last start, oldest first. */
    public List<Received> mailbox() {
        GreenMail m = mail;
        if (m == null) {
            return List.of();
        }
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        current.setContextClassLoader(EmbeddedSmtpServer.class.getClassLoader());
        try {
            return read(m);
        } finally {
            current.setContextClassLoader(before);
        }
    }

    private static List<Received> read(GreenMail m) {
        List<Received> out = new ArrayList<>();
        for (MimeMessage message : m.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                out.add(new Received(message.getMessageID(),
                        to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                        message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString(),
                        message.getSubject(), text(message)));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("A received message cannot be read", e);
            }
        }
        return out;
    }

    /** The message's text: its HTML part (or its plain text), decoded from its transfer encoding. */
    private static String text(jakarta.mail.Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            String plain = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart p = multipart.getBodyPart(i);
                if (p.isMimeType("text/html") || p.isMimeType("multipart/*")) {
                    return text(p);
                }
                if (plain == null && p.isMimeType("text/plain")) {
                    plain = text(p);
                }
            }
            return plain == null ? "" : plain;
        }
        return GreenMailUtil.getBody(part);
    }

    /** The mailbox on http://127.0.0.1:{@code httpPort}/ (page) and /messages (JSON): a developer's view. */
    public synchronized void serveMailbox(int httpPort) throws IOException {
        view = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        view.createContext("/messages", exchange -> {
            byte[] json = json(mailbox()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        });
        view.createContext("/", exchange -> {
            StringBuilder page = new StringBuilder("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                    + "<title>Courriels reçus (SMTP local)</title></head><body><h1>Courriels reçus par le serveur SMTP "
                    + "local</h1><p>JSON : <a href=\"/messages\">/messages</a></p>");
            List<Received> received = mailbox();
            if (received.isEmpty()) {
                page.append("<p>Aucun courriel.</p>");
            }
            for (int i = received.size() - 1; i >= 0; i--) {
                Received r = received.get(i);
                page.append("<article><h2>").append(escape(r.subject())).append("</h2><p>À : ")
                        .append(escape(String.join(", ", r.to()))).append("</p><pre>").append(escape(r.body()))
                        .append("</pre></article><hr>");
            }
            byte[] html = page.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        });
        view.start();
    }

    @Override
    public synchronized void close() {
        stopSmtp();
        if (view != null) {
            view.stop(0);
            view = null;
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String json(List<Received> messages) {
        try {
            return JSON.writeValueAsString(messages);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
