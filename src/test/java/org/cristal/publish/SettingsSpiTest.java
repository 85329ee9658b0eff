package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import org.junit.jupiter.api.Test;

class SettingsSpiTest {
    private static final List<SettingSpec> SPECS = List.of(
            SettingSpec.required("instance", SettingSpec.Type.URL, LocalText.of("Server", "Serveur"), null),
            SettingSpec.secret("token", LocalText.of("Access token", "Jeton d’accès"), null),
            SettingSpec.optional("perMinute", SettingSpec.Type.INTEGER, "60", LocalText.of("Per minute"), null),
            SettingSpec.optional("from", SettingSpec.Type.EMAIL, "", LocalText.of("Sender"), null));

    @Test
    void settingsPrintedInALogNeverShowTheSecret() {
        ChannelSettings s = new ChannelSettings(Map.of("instance", "https://piaille.fr", "token", "s3cr3t-XYZ"),
                Set.of("token"));
        assertFalse(s.toString().contains("s3cr3t-XYZ"), s.toString());
        assertTrue(s.toString().contains("https://piaille.fr"));
        assertEquals("s3cr3t-XYZ", s.get("token").orElseThrow(), "the plugin still gets the value");
    }

    @Test
    void missingRequiredValuesAndMalformedOnesAreReportedPerField() {
        ChannelSettings s = ChannelSettings.of(Map.of("instance", "piaille.fr", "perMinute", "beaucoup",
                "from", "boulangerie"));
        List<SettingProblem> problems = SettingProblem.basic(SPECS, s);
        assertEquals(List.of("instance", "token", "perMinute", "from"),
                problems.stream().map(SettingProblem::key).toList());
        assertEquals("Required.", problems.get(1).message().get(Locale.ENGLISH));
        assertEquals("Obligatoire.", problems.get(1).message().get(Locale.FRENCH));
    }

    @Test
    void validSettingsHaveNoProblemAndDefaultsFillTheGaps() {
        ChannelSettings s = ChannelSettings.of(Map.of("instance", "https://piaille.fr", "token", "t"));
        assertTrue(SettingProblem.basic(SPECS, s).isEmpty());
        assertEquals(60, s.getInt("perMinute", 60));
    }

    @Test
    void aLocalTextFallsBackToEnglishForOtherLanguages() {
        LocalText t = LocalText.fromBundle(PublishException.BUNDLE, "publish.error.settingMissing", "token");
        assertEquals("Le réglage «\u00a0token\u00a0» manque.", t.get(Locale.FRENCH));
        assertEquals("The setting “token” is missing.", t.get(Locale.GERMAN));
    }
}
