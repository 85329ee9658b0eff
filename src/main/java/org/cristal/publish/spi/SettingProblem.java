package org.cristal.publish.spi;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What is wrong with one setting, shown next to its field.
 *
 * @param key     the setting's key, or "" for the account as a whole
 * @param message localized explanation
 */
public record SettingProblem(String key, LocalText message) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * The problems every plugin's settings can have whatever the service: a required value missing, a
     * URL that is not http(s), a number that is not one, an e-mail address without a domain, a choice
     * outside the list. Plugins add their own rules on top.
     */
    public static List<SettingProblem> basic(List<SettingSpec> specs, ChannelSettings settings) {
        List<SettingProblem> out = new ArrayList<>();
        for (SettingSpec spec : specs) {
            String value = settings.get(spec.key()).orElse("");
            if (value.isEmpty()) {
                if (spec.required() && spec.defaultValue().isEmpty()) {
                    out.add(problem(spec, "publish.setting.required"));
                }
                continue;
            }
            switch (spec.type()) {
                case URL -> {
                    if (!isWebUrl(value)) {
                        out.add(problem(spec, "publish.setting.url"));
                    }
                }
                case INTEGER -> {
                    try {
                        Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        out.add(problem(spec, "publish.setting.integer"));
                    }
                }
                case EMAIL -> {
                    if (!EMAIL.matcher(value).matches()) {
                        out.add(problem(spec, "publish.setting.email"));
                    }
                }
                case CHOICE -> {
                    if (!spec.choices().contains(value)) {
                        out.add(problem(spec, "publish.setting.choice"));
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static SettingProblem problem(SettingSpec spec, String key) {
        return new SettingProblem(spec.key(), LocalText.fromBundle(PublishException.BUNDLE, key));
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
