package org.cristal.publish.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a Connect reached, as the plugin reads it right after the code exchange: who the user is on the
 * service, the places the grant lets Cristal post to (Facebook Pages, LinkedIn organisations, Business
 * Profile locations), and a replacement token when the service trades the first one for a longer-lived one
 * (Meta). {@link #toString()} never shows a token.
 *
 * @param who         "Boulangerie Levain (Facebook)": said in the form and the channels list
 * @param targetKey   the (non-secret) setting that holds the chosen target's id, or "" when the account
 *                    posts as the user and there is nothing to choose
 * @param targets     what the user may choose from, in the service's order; the studio asks when there are
 *                    several, the command line takes {@code --target}; one is chosen without asking
 * @param accessToken the token to keep instead of the one the exchange gave, or null to keep that one
 * @param expiresAt   when {@code accessToken} expires, or null (never said, or no replacement)
 */
public record Connected(LocalText who, String targetKey, List<Target> targets, String accessToken,
        Instant expiresAt) {
    public Connected {
        Objects.requireNonNull(who);
        targetKey = Objects.requireNonNullElse(targetKey, "");
        targets = List.copyOf(Objects.requireNonNullElse(targets, List.of()));
    }

    /** Posts as the user; nothing to choose, the token kept as it came. */
    public static Connected as(LocalText who) {
        return new Connected(who, "", List.of(), null, null);
    }

    /**
     * A place to post to.
     *
     * @param id      the service's id, stored in the {@code targetKey} setting
     * @param name    what the user recognises ("Boulangerie Levain — Lyon 4e")
     * @param secrets secret settings to keep with the choice (a Facebook Page's own token), by setting key;
     *                stored in the secret store, never in the workspace
     */
    public record Target(String id, String name, Map<String, String> secrets) {
        public Target {
            Objects.requireNonNull(id);
            Objects.requireNonNull(name);
            secrets = Map.copyOf(Objects.requireNonNullElse(secrets, Map.of()));
        }

        @Override
        public String toString() {
            return "Target[" + id + ", " + name + ", secrets=" + secrets.keySet() + "]";
        }
    }

    @Override
    public String toString() {
        return "Connected[" + who + ", targetKey=" + targetKey + ", targets=" + targets
                + (accessToken == null ? "" : ", token=•••") + ", expiresAt=" + expiresAt + "]";
    }
}
