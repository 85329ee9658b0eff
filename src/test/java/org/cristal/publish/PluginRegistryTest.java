package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cristal.library.Workspace;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {
    private static final String EXAMPLE_ID = "example-http-post";
    private static final String TOKEN = "tok-registry-81e2c4";

    @TempDir
    Path dir;
    private Workspace workspace;
    private Path plugins;
    private PluginRegistry registry;

    @BeforeEach
    void openWorkspace() throws IOException {
        workspace = Workspace.open(dir.resolve("levain.cristal"));
        plugins = Files.createDirectories(PluginFolders.forWorkspace(workspace.path()));
    }

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
        workspace.close();
    }

    private PluginRegistry registry() {
        registry = new PluginRegistry(workspace, List.of(plugins), getClass().getClassLoader());
        return registry;
    }

    @Test
    void theWorkspacesPluginsFolderIsNamedAfterItsFile() {
        assertEquals(dir.resolve("levain.plugins"), PluginFolders.forWorkspace(dir.resolve("levain.cristal")));
        assertEquals(dir.resolve("notes.db.plugins"), PluginFolders.forWorkspace(dir.resolve("notes.db")));
        assertTrue(PluginFolders.user().endsWith(Path.of("plugins")));
    }

    @Test
    void aDroppedJarIsListedButUnusedUntilEnabledThenPublishesAStory() throws Exception {
        PluginJars.build(PluginJars.EXAMPLE, plugins.resolve("http-post.jar"));
        PluginRegistry r = registry();

        PluginJar jar = single(r.jars());
        assertEquals("http-post.jar", jar.fileName());
        assertEquals(PluginJar.State.DISABLED, jar.state());
        assertEquals(List.of("com.example.cristal.HttpPostPlugin"), jar.declaredClasses());
        assertTrue(r.find(EXAMPLE_ID).isEmpty(), "not usable before the user enables it");
        assertEquals(List.of(), r.problems());

        r.enable(jar);
        ChannelPlugin plugin = r.find(EXAMPLE_ID).orElseThrow();
        assertTrue(r.isThirdParty(plugin));
        assertEquals(List.of(EXAMPLE_ID), single(r.jars()).pluginIds());
        assertEquals("Page web par HTTP POST (exemple)", plugin.displayName().get(Locale.FRENCH));
        assertTrue(workspace.setting(PluginRegistry.ENABLED_SETTING).orElseThrow()
                .contains("\"http-post.jar\":\"" + jar.sha256() + "\""));

        try (PageEndpoint endpoint = new PageEndpoint(TOKEN)) {
            PublishRequest request = Publications.levain(new ChannelSettings(
                    Map.of("endpoint", endpoint.url(), "token", TOKEN), Set.of("token")));
            PublishResult result = plugin.publish(request, new TestContext());
            PageEndpoint.Page page = single(endpoint.pages());
            assertTrue(page.html().contains(request.story().story().title()), "the server got the story's page");
            assertEquals("idem-boulangerie-levain", page.header("Idempotency-Key"));
            assertEquals(endpoint.url() + "/1", result.url());
        }

        // The choice is the workspace's: a registry opened later finds it enabled.
        registry.close();
        assertTrue(registry().find(EXAMPLE_ID).isPresent());
    }

    @Test
    void aJarReplacedAfterBeingEnabledMustBeEnabledAgain() throws IOException {
        Path file = PluginJars.build(PluginJars.EXAMPLE, plugins.resolve("http-post.jar"));
        PluginRegistry r = registry();
        r.enable(single(r.jars()));
        assertTrue(r.find(EXAMPLE_ID).isPresent());

        PluginJars.build(Map.of("com.example.Other", PluginJars.plugin("com.example.Other", EXAMPLE_ID, "")),
                List.of("com.example.Other"), file);
        r.refresh();
        assertEquals(PluginJar.State.CHANGED, single(r.jars()).state());
        assertTrue(r.find(EXAMPLE_ID).isEmpty(), "the new code does not run unasked");
        assertEquals("http-post.jar", single(r.problems()).source());

        r.enable(single(r.jars()));
        assertEquals(EXAMPLE_ID, r.find(EXAMPLE_ID).orElseThrow().displayName().get(Locale.ENGLISH),
                "the new code runs once enabled");
        r.disable("http-post.jar");
        assertTrue(r.find(EXAMPLE_ID).isEmpty());
        assertEquals(PluginJar.State.DISABLED, single(r.jars()).state());
    }

    @Test
    void brokenJarsAndPluginsAreReportedAndTheGoodOneStillLoads() throws IOException {
        PluginJars.build(PluginJars.EXAMPLE, plugins.resolve("a-good.jar"));
        Files.write(plugins.resolve("b-corrupt.jar"), "PK\u0003\u0004 not really a zip".getBytes());
        broken("c-id-throws.jar", "com.acme.IdThrows",
                "public PluginDescriptor descriptor() { throw new IllegalStateException(\"no id today\"); }");
        broken("d-constructor-throws.jar", "com.acme.CtorThrows",
                "public CtorThrows() { throw new RuntimeException(\"boom\"); }");
        broken("e-settings-throw.jar", "com.acme.SettingsThrow",
                "public List<SettingSpec> settings() { throw new NoClassDefFoundError(\"com/acme/Missing\"); }");
        broken("f-same-id.jar", "com.acme.SameId", "");
        broken("g-bad-id.jar", "com.acme.BadId",
                "public PluginDescriptor descriptor() { return PluginDescriptor.of(\"Not An Id\", LocalText.of(\"x\"),"
                + " Set.of(Channel.WEB)); }");
        PluginJars.build(Map.of("com.acme.Nothing", "package com.acme; public class Nothing {}"),
                List.of(), plugins.resolve("h-no-services.jar"));
        PluginJars.build(Map.of("com.acme.NotAPlugin", "package com.acme; public class NotAPlugin {}"),
                List.of("com.acme.NotAPlugin", "com.acme.Missing"), plugins.resolve("i-not-a-plugin.jar"));

        PluginRegistry r = registry();
        for (PluginJar jar : r.jars()) {
            if (jar.state() == PluginJar.State.DISABLED) {
                r.enable(jar);
            }
        }

        // The built-ins (now on main) load too; of the jars, only the good one's plugin does.
        List<String> builtIns = java.util.ServiceLoader.load(ChannelPlugin.class, getClass().getClassLoader()).stream()
                .map(p -> p.get().id()).toList();
        assertEquals(List.of(EXAMPLE_ID), r.plugins().stream().map(ChannelPlugin::id)
                .filter(id -> !builtIns.contains(id)).toList());
        assertEquals(List.of("b-corrupt.jar", "c-id-throws.jar", "d-constructor-throws.jar", "e-settings-throw.jar",
                "f-same-id.jar", "g-bad-id.jar", "h-no-services.jar", "i-not-a-plugin.jar", "i-not-a-plugin.jar"),
                r.problems().stream().map(PluginProblem::source).toList());
        assertEquals(PluginJar.State.BROKEN, r.jars().get(1).state());
        for (PluginProblem problem : r.problems()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                String message = problem.message().get(locale);
                assertTrue(message.contains(problem.source()), message);
                assertFalse(message.contains("Exception") || message.contains("boom") || message.contains("com.acme"),
                        "no technical detail for the user: " + message);
            }
        }
        assertTrue(r.problems().get(0).message().get(Locale.FRENCH).contains("n’est pas un module"));
    }

    @Test
    void aRefreshDoesNotStartAnEnabledPluginAgain() {
        String counter = "cristal.test.started." + System.nanoTime();
        broken("counted.jar", "com.acme.Counted", "public Counted() { System.setProperty(\"" + counter
                + "\", String.valueOf(Integer.getInteger(\"" + counter + "\", 0) + 1)); }");
        PluginRegistry r = registry();
        assertEquals(null, System.getProperty(counter), "listing a jar runs none of its code");
        r.enable(single(r.jars()));
        r.refresh();
        r.refresh();
        assertEquals("1", System.getProperty(counter));
        assertTrue(r.find("counted").isPresent());
        System.clearProperty(counter);
    }

    @Test
    void aBuiltInPluginKeepsItsIdWhenAJarClaimsItToo() throws IOException {
        Path builtIn = PluginJars.build(Map.of("org.cristal.publish.fake.Builtin",
                PluginJars.plugin("org.cristal.publish.fake.Builtin", EXAMPLE_ID, "")),
                List.of("org.cristal.publish.fake.Builtin"), dir.resolve("app.jar"));
        PluginJars.build(PluginJars.EXAMPLE, plugins.resolve("http-post.jar"));
        try (URLClassLoader app = new URLClassLoader(new URL[] {builtIn.toUri().toURL()},
                getClass().getClassLoader())) {
            registry = new PluginRegistry(workspace, List.of(plugins), app);
            registry.enable(single(registry.jars()));
            ChannelPlugin winner = registry.find(EXAMPLE_ID).orElseThrow();
            assertFalse(registry.isThirdParty(winner));
            assertEquals("org.cristal.publish.fake.Builtin", winner.getClass().getName());
            PluginProblem lost = single(registry.problems());
            assertEquals("http-post.jar", lost.source());
            assertEquals(EXAMPLE_ID, lost.pluginId());
        }
    }

    @Test
    void aCrashInsideAThirdPartyPluginBecomesAPlainFailure() throws Exception {
        broken("crashy.jar", "com.acme.Crashy", """
                public PublishResult publish(PublishRequest r, PublishContext c) {
                  throw new NoClassDefFoundError("com/acme/http/Client");
                }
                public List<SettingProblem> validate(ChannelSettings s) { throw new NullPointerException(); }
                """);
        PluginRegistry r = registry();
        r.enable(single(r.jars()));
        ChannelPlugin crashy = r.find("crashy").orElseThrow();

        PublishException e = assertThrows(PublishException.class,
                () -> crashy.publish(Publications.levain(ChannelSettings.of(Map.of())), new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertEquals("The plugin “crashy” failed unexpectedly. Try again; if it keeps failing, ask its author "
                + "for an update.", e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).startsWith("Le module «\u00a0crashy\u00a0» a échoué"));
        SettingProblem problem = single(crashy.validate(ChannelSettings.of(Map.of())));
        assertEquals("", problem.key());
        assertEquals(Thread.currentThread().getContextClassLoader(), getClass().getClassLoader(),
                "the context loader is restored after a call into a plugin");
    }

    @Test
    void aThirdPartyPluginsConnectButtonIsOfferedAndItsCrashesArePlainFailures() throws Exception {
        broken("linky.jar", "com.acme.Linky", """
                public Optional<OAuthConnect> oauth() {
                  return Optional.of(new OAuthConnect() {
                    public OAuthSpec spec(ChannelSettings s) {
                      return OAuthSpec.of(java.net.URI.create("https://auth.example/authorize"),
                          java.net.URI.create("https://auth.example/token"), "linky-app", null, "post");
                    }
                    public Connected connected(ChannelSettings s, PublishContext c) {
                      throw new IllegalStateException("bug in the plugin");
                    }
                  });
                }
                """);
        PluginRegistry r = registry();
        r.enable(single(r.jars()));
        ChannelPlugin linky = r.find("linky").orElseThrow();

        org.cristal.publish.spi.OAuthConnect connect = linky.oauth().orElseThrow(
                () -> new AssertionError("the account form must offer Connect for a plugin from a jar too"));
        assertEquals("linky-app", connect.spec(ChannelSettings.of(Map.of())).clientId());
        PublishException e = assertThrows(PublishException.class,
                () -> connect.connected(ChannelSettings.of(Map.of()), new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("The plugin “linky” failed unexpectedly."), e.message(Locale.ENGLISH));
    }

    private void broken(String jar, String className, String body) {
        String id = jar.equals("f-same-id.jar") ? EXAMPLE_ID : className.substring(className.lastIndexOf('.') + 1)
                .toLowerCase(Locale.ROOT);
        PluginJars.build(Map.of(className, PluginJars.plugin(className, id, body)), List.of(className),
                plugins.resolve(jar));
    }

    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}
