package org.cristal.publish.spi;

import java.util.List;
import java.util.Objects;

/**
 * One setting of a channel plugin, described as data so the studio can build the form and the command
 * line can check it: an instance URL, a user name, an API token, a rate limit.
 *
 * @param key          stable, never translated ({@code "instance"}, {@code "token"})
 * @param type         how the value is entered and checked
 * @param required     whether publishing needs it
 * @param secret       a password or token: kept in the secret store, never in the workspace file or a log,
 *                     shown masked
 * @param defaultValue the value when the user gives none ("" for none)
 * @param choices      the allowed values of a {@link Type#CHOICE}, empty otherwise
 * @param label        the form label
 * @param help         one sentence under the field: what it is and where to find it
 */
public record SettingSpec(String key, Type type, boolean required, boolean secret, String defaultValue,
        List<String> choices, LocalText label, LocalText help) {

    /** How a value is entered and checked. */
    public enum Type {
        TEXT, URL, EMAIL, INTEGER, BOOLEAN, CHOICE, PASSWORD, FILE, FOLDER, MULTILINE
    }

    public SettingSpec {
        Objects.requireNonNull(key);
        Objects.requireNonNull(type);
        defaultValue = Objects.requireNonNullElse(defaultValue, "");
        choices = List.copyOf(Objects.requireNonNullElse(choices, List.of()));
        Objects.requireNonNull(label);
        help = Objects.requireNonNullElse(help, LocalText.of(""));
        if (type == Type.PASSWORD) {
            secret = true;
        }
    }

    /** A required plain setting. */
    public static SettingSpec required(String key, Type type, LocalText label, LocalText help) {
        return new SettingSpec(key, type, true, type == Type.PASSWORD, "", List.of(), label, help);
    }

    /** An optional setting with a default. */
    public static SettingSpec optional(String key, Type type, String defaultValue, LocalText label, LocalText help) {
        return new SettingSpec(key, type, false, type == Type.PASSWORD, defaultValue, List.of(), label, help);
    }

    /** A required secret (password, token, API key). */
    public static SettingSpec secret(String key, LocalText label, LocalText help) {
        return new SettingSpec(key, Type.PASSWORD, true, true, "", List.of(), label, help);
    }
}
