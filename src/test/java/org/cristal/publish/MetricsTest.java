package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.cristal.library.results.Counts;
import org.cristal.publish.spi.Metrics;
import org.junit.jupiter.api.Test;

/** A plugin's metric names are the workspace's: a count a reader reports is added into reach and reactions. */
class MetricsTest {
    @Test
    void everyMetricAPluginCanNameIsOneTheWorkspaceKnows() throws Exception {
        Set<String> spi = constants(Metrics.class);
        Set<String> workspace = constants(Counts.class);
        workspace.removeAll(Set.of(Counts.REFUSED, Counts.BOUNCED, Counts.UNSUBSCRIBED));
        assertEquals(workspace, spi, "the newsletter's own figures aside, the same words on both sides");
    }

    private static Set<String> constants(Class<?> type) throws IllegalAccessException {
        Set<String> out = new TreeSet<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        return out;
    }
}
