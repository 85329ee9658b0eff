package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import org.junit.jupiter.api.Test;

/**
 * What every channel plugin promises, whoever wrote it. A plugin's test extends this class, starts its
 * fake service (a loopback server, a temporary folder) before each test, and fills in the hooks:
 *
 * <pre>{@code
 * class MastodonContractTest extends PluginContractTest {
 *     private MastodonServer server;                       // the plugin's own loopback fake
 *
 *     @BeforeEach void start() throws IOException { server = new MastodonServer("tok-3f9a"); }
 *     @AfterEach void stop() { server.close(); }
 *
 *     protected ChannelPlugin plugin() { return new MastodonPlugin(); }
 *     protected ChannelSettings workingSettings() {
 *         return new ChannelSettings(Map.of("instance", server.url(), "token", "tok-3f9a"), Set.of("token"));
 *     }
 *     protected ChannelSettings failingSettings() { return workingSettings().with("token", "tok-wrong-77"); }
 *     protected int delivered() { return server.statuses().size(); }
 * }
 * }</pre>
 *
 * The checks: a stable lower-case id listed by {@link ServiceLoader}; the name and every setting label in
 * English and French; {@code validate} naming each missing required setting; no secret in a log line,
 * an exception message or {@code ChannelSettings.toString()}, after a publish that works and one that
 * fails; a cancel before the start sends nothing; a failure's message is a sentence in both languages
 * with no stack trace or class name. Secrets are the values of keys marked secret in the settings the
 * hooks give: make them distinctive (8+ characters) so a leak cannot hide.
 */
public abstract class PluginContractTest {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*\\b|\\b[A-Z]\\w*(Exception|Error)\\b");

    /** The plugin itself, as its class is listed in its services file (not a registry's wrapper). */
    protected abstract ChannelPlugin plugin();

    /** Settings that work against the fake service running for this test; secret keys marked secret. */
    protected abstract ChannelSettings workingSettings();

    /**
     * Settings with which {@code publish} fails for a reason the user must hear about: a refused token,
     * a server answering 500, a folder that cannot be written. Secret keys marked secret.
     */
    protected abstract ChannelSettings failingSettings();

    /** How many things the fake service has received so far: posts, e-mails, files written. */
    protected abstract int delivered();

    /** The context a publish gets; a plugin that sends to contacts gives them here. */
    protected TestContext context() {
        return new TestContext();
    }

    /** The publication to send; by default a corpus story rendered for publishing, with these settings. */
    protected PublishRequest request(ChannelSettings settings) {
        return Publications.levain(settings);
    }

    @Test
    void idIsStableLowerCaseAndTheServiceLoaderListsThePlugin() {
        String id = plugin().id();
        assertTrue(ID.matcher(id).matches(), "id must be lower case: " + id);
        assertEquals(id, plugin().id(), "the same id every time");
        ClassLoader loader = plugin().getClass().getClassLoader();
        List<String> listed = ServiceLoader.load(ChannelPlugin.class, loader).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(listed.contains(plugin().getClass().getName()),
                "META-INF/services/org.cristal.publish.spi.ChannelPlugin must list " + plugin().getClass().getName());
    }

    @Test
    void nameAndEverySettingLabelReadInEnglishAndFrench() {
        ChannelPlugin p = plugin();
        assertBothLanguages("display name", p.displayName(), false);
        if (!p.description().get(Locale.ENGLISH).isBlank()) {
            assertBothLanguages("description", p.description(), true);
        }
        for (SettingSpec spec : p.settings()) {
            assertBothLanguages("label of " + spec.key(), spec.label(), true);
            if (!spec.help().get(Locale.ENGLISH).isBlank()) {
                assertBothLanguages("help of " + spec.key(), spec.help(), true);
            }
        }
        assertEquals(p.settings().size(), p.settings().stream().map(SettingSpec::key).distinct().count(),
                "setting keys are unique");
    }

    @Test
    void whatConnectFillsInIsADeclaredOptionalSettingTheFormCanLeaveOut() {
        ChannelPlugin p = plugin();
        java.util.Set<String> filled = p.oauth().map(org.cristal.publish.spi.OAuthConnect::filledByConnect)
                .orElse(java.util.Set.of());
        for (String key : filled) {
            SettingSpec spec = p.settings().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
            assertTrue(spec != null, key + " is filled by Connect but not a setting of " + p.id());
            assertFalse(spec.required(), key + " is filled by Connect: a user cannot be asked for it");
        }
    }

    @Test
    void validateNamesEachMissingRequiredSettingAndAcceptsWorkingOnes() {
        List<String> required = plugin().settings().stream()
                .filter(s -> s.required() && s.defaultValue().isEmpty()).map(SettingSpec::key).toList();
        List<SettingProblem> problems = plugin().validate(ChannelSettings.of(Map.of()));
        List<String> named = problems.stream().map(SettingProblem::key).toList();
        for (String key : required) {
            assertTrue(named.contains(key), "no problem reported for the missing " + key + ": " + named);
        }
        for (SettingProblem problem : problems) {
            assertBothLanguages("problem with " + problem.key(), problem.message(), false);
        }
        assertEquals(List.of(), plugin().validate(workingSettings()).stream()
                .map(pr -> pr.key() + ": " + pr.message()).toList(), "the working settings are valid");
    }

    @Test
    void testingTheConnectionSaysWhereAndSendsNothing() throws PublishException {
        int before = delivered();
        LocalText said = plugin().testConnection(workingSettings(), new TestContext());
        assertNotNull(said);
        assertFalse(said.get(Locale.ENGLISH).isBlank(), "the connection test says who or where");
        assertEquals(before, delivered(), "a connection test publishes nothing");
    }

    @Test
    void secretsNeverReachLogsMessagesOrToString() {
        List<String> secrets = new ArrayList<>(secrets(workingSettings()));
        secrets.addAll(secrets(failingSettings()));
        StringBuilder seen = new StringBuilder();
        captured(seen, () -> {
            try {
                PublishResult ok = plugin().publish(request(workingSettings()), context());
                seen.append(ok).append('\n');
            } catch (PublishException e) {
                fail("publishing with the working settings failed: " + e.getMessage());
            }
            PublishException failed = assertThrows(PublishException.class,
                    () -> plugin().publish(request(failingSettings()), context()));
            appendMessages(seen, failed);
            try {
                plugin().testConnection(failingSettings(), new TestContext());
            } catch (PublishException e) {
                appendMessages(seen, e);
            }
            seen.append(workingSettings()).append('\n').append(failingSettings()).append('\n');
            seen.append(request(workingSettings())).append('\n');
        });
        for (String secret : secrets) {
            assertFalse(seen.toString().contains(secret), "a secret leaked into logs or messages:\n" + seen);
        }
    }

    @Test
    void aGrantedAccessTokenNeverReachesLogsOrMessages() {
        // A plugin with a Connect gets its token from Cristal, not from its declared settings: checked apart.
        java.util.Optional<org.cristal.publish.spi.OAuthConnect> oauth = plugin().oauth();
        org.junit.jupiter.api.Assumptions.assumeTrue(oauth.isPresent(), "no Connect button");
        String granted = "granted-contract-5Qx9vT2m";
        ChannelSettings refused = failingSettings().withSecret(org.cristal.publish.spi.OAuthConnect.ACCESS_TOKEN, granted);
        StringBuilder seen = new StringBuilder();
        captured(seen, () -> {
            try {
                seen.append(plugin().publish(request(refused), context())).append('\n');
            } catch (PublishException e) {
                appendMessages(seen, e);
            }
            try {
                seen.append(plugin().testConnection(refused, new TestContext())).append('\n');
            } catch (PublishException e) {
                appendMessages(seen, e);
            }
            try {
                seen.append(oauth.get().connected(refused, new TestContext())).append('\n');
                seen.append(oauth.get().spec(refused)).append('\n');
            } catch (PublishException e) {
                appendMessages(seen, e);
            }
            seen.append(refused).append('\n').append(request(refused)).append('\n');
        });
        assertFalse(seen.toString().contains(granted), "the granted token leaked into logs or messages:\n" + seen);
    }

    @Test
    void readingResultsBackNeverShowsASecretAndAnswersForEachPublication() {
        java.util.Optional<org.cristal.publish.spi.ResultsReader> reader = plugin().results();
        if (reader.isEmpty()) {
            return;
        }
        List<String> secrets = new ArrayList<>(secrets(workingSettings()));
        secrets.addAll(secrets(failingSettings()));
        List<org.cristal.publish.spi.ResultsReader.Published> asked = List.of(
                new org.cristal.publish.spi.ResultsReader.Published("1", "", java.time.Instant.now(), 1),
                new org.cristal.publish.spi.ResultsReader.Published("2", "", java.time.Instant.now(), 2));
        StringBuilder seen = new StringBuilder();
        int before = delivered();
        captured(seen, () -> {
            for (ChannelSettings settings : List.of(workingSettings(), failingSettings())) {
                try {
                    List<org.cristal.publish.spi.ResultsReader.Report> reports =
                            reader.get().counts(settings, asked, context());
                    assertEquals(asked.size(), reports.size(), "one report per publication, in order");
                    reports.forEach(r -> {
                        seen.append(r.counts()).append('\n');
                        if (r.message() != null) {
                            r.message().byLanguage().values().forEach(v -> seen.append(v).append('\n'));
                        }
                    });
                } catch (PublishException e) {
                    appendMessages(seen, e);
                }
            }
        });
        for (String secret : secrets) {
            assertFalse(seen.toString().contains(secret), "a secret leaked while reading results:\n" + seen);
        }
        assertEquals(before, delivered(), "reading results publishes nothing");
    }

    @Test
    void cancellingBeforeTheStartSendsNothing() {
        int before = delivered();
        try {
            plugin().publish(request(workingSettings()), context().cancelNow());
        } catch (PublishException e) {
            assertEquals(PublishException.Kind.CANCELLED, e.kind(), "a cancel is reported as one: " + e.getMessage());
        }
        assertEquals(before, delivered(), "nothing sent once the user cancelled");
    }

    @Test
    void aFailureIsASentenceInBothLanguagesWithoutTechnicalDebris() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin().publish(request(failingSettings()), context()));
        assertTrue(e.kind() != PublishException.Kind.CANCELLED, "a failure is not a cancel");
        assertBothLanguages("failure message", e.text(), false);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            String message = e.message(locale);
            assertFalse(message.contains("\tat ") || message.contains("\n\tat"), "a stack trace: " + message);
            assertFalse(CLASS_NAME.matcher(message).find(), "a class name in the message: " + message);
        }
    }

    private static void assertBothLanguages(String what, LocalText text, boolean frenchRequired) {
        assertNotNull(text, what);
        String en = text.get(Locale.ENGLISH);
        String fr = text.get(Locale.FRENCH);
        assertFalse(en == null || en.isBlank(), what + " has no English text");
        assertFalse(fr == null || fr.isBlank(), what + " has no French text");
        if (frenchRequired) {
            assertTrue(text.byLanguage().containsKey("fr"), what + " is not translated into French: " + en);
        }
        assertFalse(fr.contains("'"), what + ": French uses ’, not ': " + fr);
    }

    private static List<String> secrets(ChannelSettings settings) {
        return settings.values().entrySet().stream().filter(e -> settings.isSecret(e.getKey()))
                .map(Map.Entry::getValue).filter(v -> v != null && v.length() >= 4).collect(Collectors.toList());
    }

    private static void appendMessages(StringBuilder out, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
            if (t instanceof PublishException p) {
                p.text().byLanguage().values().forEach(v -> out.append(v).append('\n'));
            }
        }
    }

    /**
     * Runs {@code body} while every log record (Cristal logs through {@code System.getLogger}, which the
     * JDK backs with java.util.logging) and the console go to {@code out} too.
     */
    private static void captured(StringBuilder out, Runnable body) {
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        SimpleFormatter format = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String name = String.valueOf(record.getLoggerName());
                // The JDK's own wire logs (headers at FINEST) are off unless asked for, and not the plugin's;
                // com.sun.net.httpserver is the loopback fake's server, standing in for the remote service,
                // whose request lines carry what the plugin sends it (Meta's token exchange is a GET).
                if (name.startsWith("sun.") || name.startsWith("jdk.") || name.startsWith("java.")
                        || name.startsWith("com.sun.net.httpserver")) {
                    return;
                }
                synchronized (out) {
                    out.append(format.format(record)).append(record.getMessage()).append('\n');
                    if (record.getParameters() != null) {
                        for (Object p : record.getParameters()) {
                            out.append(p).append('\n');
                        }
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            String marker = "capture-check-" + System.nanoTime();
            System.getLogger(PluginContractTest.class.getName()).log(System.Logger.Level.DEBUG, marker);
            assertTrue(out.toString().contains(marker), "System.Logger output is not captured");
            body.run();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            root.removeHandler(handler);
            root.setLevel(level);
        }
        out.append(console.toString(StandardCharsets.UTF_8));
    }
}
