package org.cristal.render.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.json.Json;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.json.JsonReader;
import javax.json.JsonValue;
import org.cristal.story.WebPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Runs axe-core (from its webjar) over an exported web page in headless Chromium, and returns the
 * violations it finds. The page is written to a folder with its images; a copy gets axe and a small
 * runner inlined before {@code </body>}, and Chromium prints the DOM once axe has written its result into it.
 *
 * <p>The copy drops the page's Content-Security-Policy meta tag, which forbids every script (axe included);
 * the policy has no bearing on accessibility, and nothing else of the page is changed.
 */
final class AxeInChromium {
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    /** WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, one h1, regions). */
    private static final String RUNNER = """
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                'best-practice']}, resultTypes: ['violations']}).then(function (r) {
              var out = document.createElement('pre');
              out.id = 'axe-result';
              out.textContent = JSON.stringify(r.violations.map(function (v) {
                return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {
                  return n.target.join(' ') + ' :: ' + n.failureSummary; })};
              }));
              document.body.appendChild(out);
            }, function (e) {
              var out = document.createElement('pre');
              out.id = 'axe-error';
              out.textContent = String(e);
              document.body.appendChild(out);
            });
            """;

    private final Path chromium;
    private final String axe;

    private AxeInChromium(Path chromium, String axe) {
        this.chromium = chromium;
        this.axe = axe;
    }

    /** The Chromium of this machine, if it has one. */
    static Optional<Path> findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : List.of("/usr/bin", "/usr/local/bin", "/snap/bin")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static AxeInChromium with(Path chromium) {
        try (InputStream in = AxeInChromium.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar missing from the test class path: " + AXE);
            }
            return new AxeInChromium(chromium, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each violation as {@code rule (impact): help — node :: summary}; empty when axe found none. */
    List<String> violations(WebPage page, Path dir) throws IOException, InterruptedException {
        for (Map.Entry<String, byte[]> f : page.files().entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        Document copy = Jsoup.parse(page.html());
        copy.outputSettings().prettyPrint(false);
        copy.select("meta[http-equiv=Content-Security-Policy]").remove();
        copy.body().appendElement("script").appendChild(new org.jsoup.nodes.DataNode(axe));
        copy.body().appendElement("script").appendChild(new org.jsoup.nodes.DataNode(RUNNER));
        Path file = dir.resolve("page-with-axe.html");
        Files.writeString(file, copy.outerHtml(), StandardCharsets.UTF_8);
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Path out = dir.resolve("dom.html");
        Path err = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--window-size=1280,900", "--dump-dom",
                file.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within 90 s; see " + err);
        }
        Document dom = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        Element error = dom.getElementById("axe-error");
        if (error != null) {
            throw new IllegalStateException("axe failed: " + error.text());
        }
        Element result = dom.getElementById("axe-result");
        if (result == null) {
            throw new IllegalStateException("axe wrote no result (exit " + p.exitValue() + "): "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        List<String> found = new ArrayList<>();
        try (JsonReader r = Json.createReader(new StringReader(result.wholeText()))) {
            JsonArray violations = r.readArray();
            for (JsonValue v : violations) {
                JsonObject o = v.asJsonObject();
                for (JsonValue node : o.getJsonArray("nodes")) {
                    found.add(o.getString("id") + " (" + o.getString("impact", "") + "): " + o.getString("help")
                            + " — " + ((javax.json.JsonString) node).getString());
                }
            }
        }
        return found;
    }
}
