package com.example.cristal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;

/**
 * Posts a story's web page to an HTTP endpoint, with a bearer token: the smallest useful channel plugin.
 * The endpoint answers 201 Created with a Location header (where the page now lives).
 */
public final class HttpPostPlugin implements ChannelPlugin {
    static final String ENDPOINT = "endpoint";
    static final String TOKEN = "token";
    static final String TIMEOUT = "timeoutSeconds";
    /** The journal key recording that the page went out, and where. */
    static final String POSTED = "posted";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("example-http-post", LocalText.of("Web page by HTTP POST (example)",
                "Page web par HTTP POST (exemple)"), Set.of(Channel.WEB))
            .description(LocalText.of("Sends the story’s web page to an address of your choice.",
                    "Envoie la page web de l’histoire à l’adresse de votre choix."));
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(ENDPOINT, SettingSpec.Type.URL, LocalText.of("Address", "Adresse"),
                        LocalText.of("Where the page is posted (https://…).", "Où la page est envoyée (https://…).")),
                SettingSpec.secret(TOKEN, LocalText.of("Access token", "Jeton d’accès"),
                        LocalText.of("Sent as “Authorization: Bearer …”.", "Envoyé dans « Authorization: Bearer … ».")),
                SettingSpec.optional(TIMEOUT, SettingSpec.Type.INTEGER, "30",
                        LocalText.of("Time limit (seconds)", "Délai maximal (secondes)"), null));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        URI endpoint = URI.create(settings.require(ENDPOINT));
        HttpRequest request = authorized(endpoint, settings).GET().build();
        send(request, settings);
        return LocalText.of("Connected to " + endpoint.getHost() + ".", "Connecté à " + endpoint.getHost() + ".");
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        context.checkCancelled();
        // Resuming after a crash: the page already went out, say so instead of posting it twice.
        Optional<String> done = context.journal().get(POSTED);
        if (done.isPresent()) {
            return new PublishResult(done.get(), done.get(), context.clock().instant(), 1);
        }
        ChannelSettings settings = request.settings();
        String html = request.renditions().web().body().html();
        HttpRequest post = authorized(URI.create(settings.require(ENDPOINT)), settings)
                .header("Content-Type", "text/html; charset=utf-8")
                // The service can refuse a second copy of the same publication.
                .header("Idempotency-Key", request.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(html, StandardCharsets.UTF_8))
                .build();
        context.progress(0, LocalText.of("Sending the page…", "Envoi de la page…"));
        HttpResponse<String> response = send(post, settings);
        String location = response.headers().firstValue("Location").orElse("");
        context.journal().put(POSTED, location);
        context.progress(1, LocalText.of("Page sent.", "Page envoyée."));
        return new PublishResult(location, location, context.clock().instant(), 1);
    }

    private static HttpRequest.Builder authorized(URI endpoint, ChannelSettings settings) throws PublishException {
        return HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(settings.getInt(TIMEOUT, 30)))
                .header("Authorization", "Bearer " + settings.require(TOKEN));
    }

    /** Sends and maps every failure to what the outbox should do about it. */
    private static HttpResponse<String> send(HttpRequest request, ChannelSettings settings) throws PublishException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.min(10, settings.getInt(TIMEOUT, 30)))).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw PublishException.transientFailure(LocalText.of("The server took too long to answer.",
                    "Le serveur a mis trop de temps à répondre."), e);
        } catch (IOException e) {
            throw PublishException.transientFailure(LocalText.of("The server could not be reached.",
                    "Impossible de joindre le serveur."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PublishException.cancelled();
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        if (status == 401 || status == 403) {
            throw PublishException.auth(LocalText.of("The server refused the access token.",
                    "Le serveur a refusé le jeton d’accès."));
        }
        if (status == 429 || status >= 500) {
            Duration wait = response.headers().firstValue("Retry-After").filter(s -> s.matches("\\d+"))
                    .map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(null);
            throw new PublishException(PublishException.Kind.TRANSIENT, LocalText.of(
                    "The server is busy (HTTP " + status + "). Cristal will try again.",
                    "Le serveur est occupé (HTTP " + status + "). Cristal réessaiera."), wait, null);
        }
        // The service's own words help the user fix the request; keep them short.
        String said = response.body() == null ? "" : response.body().strip();
        said = said.length() > 200 ? said.substring(0, 200) + "…" : said;
        throw PublishException.permanent(LocalText.of("The server refused the page (HTTP " + status + "): " + said,
                "Le serveur a refusé la page (HTTP " + status + ") : " + said));
    }
}
