package org.cristal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file: where each platform keeps logs, rotated, and never holding an address or a secret. */
class LogFilesTest {
    @TempDir
    Path dir;
    Handler handler;

    @AfterEach
    void remove() {
        if (handler != null) {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
    }

    @Test
    void eachPlatformKeepsTheLogWhereItsUsersLook() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/home/u/.local/state/cristal/logs"), LogFiles.folder("Linux", Map.of(), home));
        assertEquals(Path.of("/var/st/cristal/logs"),
                LogFiles.folder("Linux", Map.of("XDG_STATE_HOME", "/var/st"), home));
        assertEquals(Path.of("/home/u/.local/state/cristal/logs"),
                LogFiles.folder("Linux", Map.of("XDG_STATE_HOME", "relative"), home));
        assertEquals(Path.of("/home/u/Library/Logs/Cristal"), LogFiles.folder("Mac OS X", Map.of(), home));
        assertEquals(Path.of("/la/Cristal/Logs"), LogFiles.folder("Windows 11", Map.of("LOCALAPPDATA", "/la"), home));
    }

    /**
     * A newsletter to a contact the mail server refuses: the server's reply names the contact, and the account's
     * password rides along in a URL; the log keeps the failure, not the person or the secret.
     */
    @Test
    void aRefusedSendToAContactLeavesNoAddressNorPasswordInTheLog() throws Exception {
        handler = LogFiles.install(dir.resolve("logs"), Level.INFO, LogFiles.LIMIT_BYTES, LogFiles.COUNT);
        Exception refused = sendRefusedBy(loopbackServerRejecting());
        // The studio's own path for a failure on a worker thread: logged there with its cause.
        try (org.cristal.ui.model.Workers workers = org.cristal.ui.model.Workers.start(Runnable::run)) {
            workers.onWorkspace("sending the newsletter", () -> {
                throw refused;
            }).handle((x, t) -> null).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        System.getLogger("org.cristal.publish.Publisher").log(System.Logger.Level.WARNING,
                "outbox entry 12 (newsletter) to marie.dupont@example.fr via smtp://cafe:s3cret-Pa55@mail.example.fr "
                        + "with password=s3cret-Pa55 failed", refused);
        handler.flush();
        String log = read(dir.resolve("logs"));
        assertTrue(log.contains("outbox entry 12 (newsletter)"), log);
        assertTrue(log.contains("sending the newsletter failed"), log);
        assertTrue(log.contains("550"), "the server's reason stays: " + log);
        assertFalse(log.contains("marie.dupont"), log);
        assertFalse(log.contains("@example.fr"), log);
        assertFalse(log.contains("s3cret"), log);
    }

    @Test
    void theLogRotatesAndKeepsAtMostItsCountOfFiles() throws Exception {
        handler = LogFiles.install(dir.resolve("logs"), Level.INFO, 2_000, 3);
        Logger logger = Logger.getLogger("org.cristal.test.rotation");
        for (int i = 0; i < 200; i++) {
            logger.info("render of story " + i + " took a while");
        }
        handler.flush();
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            List<String> logs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted()
                    .toList();
            assertEquals(List.of("cristal-0.log", "cristal-1.log", "cristal-2.log"), logs);
        }
        assertTrue(Files.readString(dir.resolve("logs/cristal-0.log")).contains("story 199"));
    }

    @Test
    void aLogFolderThatCannotBeWrittenDoesNotStopTheApp() throws Exception {
        Path blocked = Files.writeString(dir.resolve("logs"), "a file where the folder should be");
        handler = LogFiles.install(blocked.resolve("cristal"), Level.INFO, LogFiles.LIMIT_BYTES, LogFiles.COUNT);
        Logger.getLogger("org.cristal.test.blocked").warning("still running");
        assertEquals("a file where the folder should be", Files.readString(blocked));
    }

    @Test
    void theUsersHomeAndLoginNameAreLeftOut() {
        Redactor r = new Redactor("/home/marie.dupont", "marie.dupont");
        assertEquals("cannot save settings to ~/.config/cristal/settings.properties (user <user>)",
                r.redact("cannot save settings to /home/marie.dupont/.config/cristal/settings.properties"
                        + " (user marie.dupont)"));
        assertEquals("Authorization: Bearer <hidden>", r.redact("Authorization: Bearer eyJhbGciOi.x.y"));
    }

    private static String read(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder all = new StringBuilder();
            for (Path p : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                all.append(Files.readString(p));
            }
            return all.toString();
        }
    }

    /** One SMTP conversation on loopback that refuses the recipient, the way a real server does. */
    private static ServerSocket loopbackServerRejecting() throws Exception {
        ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                out.print("220 mail.example.fr ESMTP\r\n");
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String cmd = line.toUpperCase(java.util.Locale.ROOT);
                    if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
                        out.print("250 mail.example.fr\r\n");
                    } else if (cmd.startsWith("MAIL")) {
                        out.print("250 OK\r\n");
                    } else if (cmd.startsWith("RCPT")) {
                        out.print("550 5.1.1 <marie.dupont@example.fr>: Recipient address rejected\r\n");
                    } else if (cmd.startsWith("QUIT")) {
                        out.print("221 Bye\r\n");
                        out.flush();
                        return;
                    } else {
                        out.print("250 OK\r\n");
                    }
                    out.flush();
                }
            } catch (Exception e) {
                // The test reads what the client saw.
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static Exception sendRefusedBy(ServerSocket server) throws Exception {
        try (server) {
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", String.valueOf(server.getLocalPort()));
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress("cafe@example.fr"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("marie.dupont@example.fr"));
            m.setSubject("Nouveautés");
            m.setText("Bonjour Marie");
            Transport.send(m);
            throw new AssertionError("the server refused the recipient, the send must fail");
        } catch (jakarta.mail.MessagingException e) {
            return e;
        }
    }
}
