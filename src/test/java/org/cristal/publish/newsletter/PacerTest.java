package org.cristal.publish.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.PublishException;
import org.junit.jupiter.api.Test;

class PacerTest {
    @Test
    void messagesLeaveEvenlySpacedAtTheRateAsked() throws Exception {
        NewsletterFixture.FakeTime time = new NewsletterFixture.FakeTime();
        Pacer pacer = new Pacer(120, time, time); // one every 500 ms
        TestContext context = new TestContext();
        List<Long> departures = new ArrayList<>();
        long start = time.millis();
        for (int i = 0; i < 5; i++) {
            pacer.awaitTurn(context);
            departures.add(time.millis() - start);
        }
        assertEquals(List.of(0L, 500L, 1000L, 1500L, 2000L), departures);
    }

    @Test
    void timeSpentSendingCountsTowardsTheGap() throws Exception {
        NewsletterFixture.FakeTime time = new NewsletterFixture.FakeTime();
        Pacer pacer = new Pacer(60, time, time);
        TestContext context = new TestContext();
        pacer.awaitTurn(context);
        time.sleep(Duration.ofMillis(700)); // the first message took 700 ms to send
        long before = time.slept().toMillis();
        pacer.awaitTurn(context);
        assertEquals(300, time.slept().toMillis() - before);
    }

    @Test
    void afterALongPauseThePaceRestartsInsteadOfBursting() throws Exception {
        NewsletterFixture.FakeTime time = new NewsletterFixture.FakeTime();
        Pacer pacer = new Pacer(60, time, time);
        TestContext context = new TestContext();
        pacer.awaitTurn(context);
        time.sleep(Duration.ofSeconds(30)); // a reconnection
        pacer.awaitTurn(context);
        long before = time.slept().toMillis();
        pacer.awaitTurn(context);
        assertEquals(1000, time.slept().toMillis() - before, "the next one still waits a full second");
    }

    @Test
    void noLimitNeverWaits() throws Exception {
        NewsletterFixture.FakeTime time = new NewsletterFixture.FakeTime();
        Pacer pacer = new Pacer(0, time, time);
        for (int i = 0; i < 100; i++) {
            pacer.awaitTurn(new TestContext());
        }
        assertEquals(Duration.ZERO, time.slept());
    }

    @Test
    void aCancelDuringTheWaitStopsAtOnce() throws Exception {
        NewsletterFixture.FakeTime time = new NewsletterFixture.FakeTime();
        Pacer pacer = new Pacer(1, time, time); // one a minute
        TestContext context = new TestContext();
        pacer.awaitTurn(context);
        context.cancelNow();
        PublishException e = assertThrows(PublishException.class, () -> pacer.awaitTurn(context));
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertEquals(0, time.slept().toMillis(), "it did not sit out the minute");
    }
}
