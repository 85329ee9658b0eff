package org.cristal.publish.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The test's browser: asks for the consent page, follows its 302 to the loopback receiver as a browser
 * would, and keeps the page the receiver showed.
 */
public final class FollowingBrowser implements Browser {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    public volatile URI opened;
    public volatile URI redirectedTo;
    volatile int pageStatus;
    volatile String page;

    @Override
    public void open(URI uri) throws IOException {
        opened = uri;
        HttpResponse<String> consent = get(uri);
        if (consent.statusCode() != 302) {
            throw new IOException("consent page answered " + consent.statusCode() + ": " + consent.body());
        }
        redirectedTo = URI.create(consent.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> back = get(redirectedTo);
        pageStatus = back.statusCode();
        page = back.body();
    }

    HttpResponse<String> get(URI uri) throws IOException {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
