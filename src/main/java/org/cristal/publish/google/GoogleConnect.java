package org.cristal.publish.google;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;

/**
 * Google's OAuth for installed apps: the user's own "Desktop app" client, any loopback port, PKCE, and
 * {@code access_type=offline} with {@code prompt=consent} so that Google gives a refresh token every time
 * (its access tokens last an hour). After consent, the Business Profile locations the Google account
 * manages, across its accounts (personal and location groups), are the places to choose from.
 */
final class GoogleConnect implements OAuthConnect {
    static final String ACCOUNTS = "https://accounts.google.com";
    static final String OAUTH2 = "https://oauth2.googleapis.com";
    static final String SCOPE = "https://www.googleapis.com/auth/business.manage";
    /** Enough pages of accounts or locations for any small business; a chain of thousands is not the aim. */
    private static final int MAX_PAGES = 10;

    private final Duration timeout;

    GoogleConnect(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public java.util.Set<String> filledByConnect() {
        return java.util.Set.of(GoogleBusinessPlugin.LOCATION);
    }

    @Override
    public OAuthSpec spec(ChannelSettings settings) throws PublishException {
        String clientId = settings.get(GoogleBusinessPlugin.CLIENT_ID).orElseThrow(
                () -> PublishException.permanent(GoogleErrors.text("publish.google.noClientId")));
        // The api setting stands for Google's sign-in hosts too, so a proxy (or a test) sees the whole Connect.
        return OAuthSpec.of(URI.create(GoogleBusinessPlugin.base(settings, ACCOUNTS) + "/o/oauth2/v2/auth"),
                URI.create(GoogleBusinessPlugin.base(settings, OAUTH2) + "/token"), clientId,
                settings.get(GoogleBusinessPlugin.CLIENT_SECRET).orElse(null), SCOPE).extra(Map.of("access_type", "offline", "prompt", "consent"));
    }

    @Override
    public Connected connected(ChannelSettings settings, PublishContext context) throws PublishException {
        String token = GoogleBusinessPlugin.token(settings);
        JsonHttp http = new JsonHttp(GoogleBusinessPlugin.SERVICE, timeout, context.clock(), token,
                settings.get(GoogleBusinessPlugin.CLIENT_SECRET, ""));
        String accountsApi = GoogleBusinessPlugin.base(settings, GoogleBusinessPlugin.ACCOUNTS_API);
        String infoApi = GoogleBusinessPlugin.base(settings, GoogleBusinessPlugin.INFO_API);
        List<JsonNode> accounts = pages(http, token, accountsApi + "/v1/accounts?pageSize=20", "accounts");
        List<Connected.Target> targets = new ArrayList<>();
        String who = "";
        for (JsonNode account : accounts) {
            String name = account.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            if (who.isEmpty()) {
                who = account.path("accountName").asText("");
            }
            for (JsonNode location : pages(http, token, infoApi + "/v1/" + name
                    + "/locations?readMask=name,title,storefrontAddress&pageSize=100", "locations")) {
                String id = location.path("name").asText("");
                if (!id.isEmpty()) {
                    targets.add(new Connected.Target(name + "/" + id, label(location), Map.of()));
                }
            }
        }
        if (targets.isEmpty()) {
            throw PublishException.permanent(GoogleErrors.text("publish.google.noLocations"));
        }
        return new Connected(GoogleErrors.text("publish.google.who", who.isEmpty() ? "Google" : who),
                GoogleBusinessPlugin.LOCATION, targets, null, null);
    }

    /** "Boulangerie Martin — 12 rue Victor-Hugo, Lyon": what the owner recognises, the address telling shops apart. */
    private static String label(JsonNode location) {
        String title = location.path("title").asText(location.path("name").asText());
        JsonNode address = location.path("storefrontAddress");
        List<String> parts = new ArrayList<>();
        for (JsonNode line : address.path("addressLines")) {
            parts.add(line.asText());
        }
        String locality = (address.path("postalCode").asText("") + " " + address.path("locality").asText("")).strip();
        if (!locality.isEmpty()) {
            parts.add(locality);
        }
        return parts.isEmpty() ? title : title + " — " + String.join(", ", parts);
    }

    private static List<JsonNode> pages(JsonHttp http, String token, String first, String field)
            throws PublishException {
        List<JsonNode> out = new ArrayList<>();
        String pageToken = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            String url = pageToken.isEmpty() ? first
                    : first + "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8);
            JsonNode answer = GoogleBusinessPlugin.get(http, token, URI.create(url));
            answer.path(field).forEach(out::add);
            pageToken = answer.path("nextPageToken").asText("");
            if (pageToken.isEmpty()) {
                break;
            }
        }
        return out;
    }
}
