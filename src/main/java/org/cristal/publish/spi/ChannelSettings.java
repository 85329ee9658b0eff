package org.cristal.publish.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values of one channel account's settings, secrets included (read from the secret store just before
 * use). {@link #toString()} never shows a secret, so a settings object that reaches a log or an exception
 * message leaks nothing.
 */
public final class ChannelSettings {
    private final Map<String, String> values;
    private final Set<String> secretKeys;

    public ChannelSettings(Map<String, String> values, Set<String> secretKeys) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.secretKeys = Set.copyOf(secretKeys);
    }

    /** Settings without secrets (tests, a plugin that needs none). */
    public static ChannelSettings of(Map<String, String> values) {
        return new ChannelSettings(values, Set.of());
    }

    /** The value, or empty when unset or blank. */
    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** The value, or {@code fallback} when unset or blank. */
    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** The value of a required setting; {@link PublishException} (permanent) when missing. */
    public String require(String key) throws PublishException {
        return get(key).orElseThrow(() -> PublishException.permanent(
                LocalText.fromBundle(PublishException.BUNDLE, "publish.error.settingMissing", key)));
    }

    public int getInt(String key, int fallback) {
        try {
            return get(key).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"))
                .orElse(fallback);
    }

    /** Every value, secrets included: for the plugin, never for display or logs. */
    public Map<String, String> values() {
        return values;
    }

    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }

    /** This settings object with one value changed. */
    public ChannelSettings with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new ChannelSettings(copy, secretKeys);
    }

    /** This settings object with one more secret value (an access token Cristal hands the plugin). */
    public ChannelSettings withSecret(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        Set<String> secrets = new java.util.HashSet<>(secretKeys);
        secrets.add(key);
        return new ChannelSettings(copy, secrets);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(k).append('=').append(secretKeys.contains(k) ? "•••" : v);
        });
        return out.append('}').toString();
    }
}
