package org.cristal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.story.Asset;
import org.junit.jupiter.api.Test;

class CachingAssetsTest {
    @Test
    void eachReferenceIsReadOnceAndMissesAreRemembered() {
        AtomicInteger reads = new AtomicInteger();
        CachingAssets assets = new CachingAssets(ref -> {
            reads.incrementAndGet();
            return ref.equals("hero.jpg") ? Optional.of(new Asset("hero.jpg", "image/jpeg", new byte[] {1}, 1, 1))
                    : Optional.empty();
        });
        for (int i = 0; i < 5; i++) {
            assertTrue(assets.resolve("hero.jpg").isPresent());
            assertTrue(assets.resolve("missing.png").isEmpty());
        }
        assertEquals(2, reads.get());
    }
}
