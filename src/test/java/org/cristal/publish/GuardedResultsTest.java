package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import org.cristal.publish.spi.ResultsReader;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;
import org.junit.jupiter.api.Test;

/** A third-party plugin whose results reader breaks costs the user one sentence, not the studio. */
class GuardedResultsTest {
    @Test
    void aReaderThatCrashesOrAnswersForTooFewPostsBecomesAPlainFailure() {
        for (ResultsReader broken : List.<ResultsReader>of((s, p, c) -> {
            throw new IllegalStateException("bug in a plugin");
        }, (s, p, c) -> List.of())) {
            ChannelPlugin guarded = new GuardedPlugin(plugin(broken), "stats-plugin.jar", getClass().getClassLoader());
            ResultsReader reader = guarded.results().orElseThrow();
            PublishException e = assertThrows(PublishException.class, () -> reader.counts(ChannelSettings.of(
                    java.util.Map.of()), List.of(new ResultsReader.Published("1", "", Instant.now(), 1)),
                    new TestContext()));

            assertEquals(PublishException.Kind.PERMANENT, e.kind());
            assertTrue(e.message(Locale.ENGLISH).contains("Stats"), e.message(Locale.ENGLISH));
        }
    }

    private static ChannelPlugin plugin(ResultsReader reader) {
        return new ChannelPlugin() {
            @Override
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of("stats", LocalText.of("Stats"), Set.of(Channel.SOCIAL));
            }

            @Override
            public List<SettingSpec> settings() {
                return List.of();
            }

            @Override
            public LocalText testConnection(ChannelSettings settings, PublishContext context) {
                return LocalText.of("ok");
            }

            @Override
            public PublishResult publish(PublishRequest request, PublishContext context) {
                return new PublishResult("1", "", Instant.now(), 1);
            }

            @Override
            public Optional<ResultsReader> results() {
                return Optional.of(reader);
            }
        };
    }
}
