package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("psc-ecps")
class NodeWaitingCallsTest {

    private static final Duration LONG = Duration.ofSeconds(20);

    /** The state the checks read, in place of the store. */
    private final AtomicReference<String> state = new AtomicReference<>();
    private final NodeWaitingCalls calls = new NodeWaitingCalls(new NodeWaitingCalls.Reads() {
        @Override
        public <A> Optional<A> read(WaitingCalls.Check<A> check) {
            return check.answer(null);
        }
    }, 3, 2);

    @AfterEach
    void stop() {
        calls.stop();
    }

    private boolean hold(String topic, HeldCall call, Duration bound) {
        return calls.hold(topic, call, call::gone, bound, session -> Optional.ofNullable(state.get()), "pending");
    }

    @Test
    void aWokenCallIsAnsweredWithWhatItReadsAndLetGo() throws Exception {
        HeldCall call = new HeldCall();
        assertThat(hold("request:a", call, LONG)).isTrue();
        Thread.sleep(50);
        assertThat(call.isDone()).isFalse();
        assertThat(calls.held()).isEqualTo(1);

        state.set("approved");
        calls.wake("request:a");

        assertThat(call.answer.get(2, TimeUnit.SECONDS)).isEqualTo("approved");
        assertThat(calls.held()).isZero();
    }

    @Test
    void anotherTopicDoesNotWakeIt() throws Exception {
        HeldCall call = new HeldCall();
        hold("request:a", call, LONG);
        Thread.sleep(50);
        state.set("approved");
        calls.wake("request:b");
        Thread.sleep(100);

        assertThat(call.isDone()).isFalse();
    }

    @Test
    void whatHappenedJustBeforeTheCallWasHeldAnswersItAtOnce() throws Exception {
        state.set("denied");
        HeldCall call = new HeldCall();
        hold("request:a", call, LONG);

        assertThat(call.answer.get(2, TimeUnit.SECONDS)).isEqualTo("denied");
    }

    @Test
    void atItsBoundACallChecksOnceMoreThenAnswersTheBoundsAnswer() throws Exception {
        HeldCall call = new HeldCall();
        long start = System.nanoTime();
        hold("request:a", call, Duration.ofMillis(300));

        assertThat(call.answer.get(2, TimeUnit.SECONDS)).isEqualTo("pending");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(calls.held()).isZero();
    }

    @Test
    void aCallWhoseClientWentAwayIsEndedWithinASecondWithTheBoundsAnswer() throws Exception {
        HeldCall call = new HeldCall();
        hold("request:a", call, LONG);
        call.clientGoesAway();

        assertThat(call.answer.get(2, TimeUnit.SECONDS)).isEqualTo("pending");
        assertThat(calls.held()).isZero();
        state.set("approved");
        calls.wake("request:a");
        Thread.sleep(100);
        assertThat(call.answer.get()).isEqualTo("pending");
    }

    @Test
    void pastTheLimitNothingIsHeldAndTheCallerIsTold() {
        List<HeldCall> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HeldCall call = new HeldCall();
            held.add(call);
            assertThat(hold("request:" + i, call, LONG)).isTrue();
        }

        assertThat(hold("request:x", new HeldCall(), LONG)).isFalse();
        assertThat(calls.held()).isEqualTo(3);
        held.get(0).clientGoesAway();
        held.get(0).answer.join();
        assertThat(hold("request:x", new HeldCall(), LONG)).isTrue();
    }

    @Test
    void manyCallsGoneInARaceWithTheirAnswersLeaveNoneCounted() throws Exception {
        NodeWaitingCalls roomy = new NodeWaitingCalls(new NodeWaitingCalls.Reads() {
            @Override
            public <A> Optional<A> read(WaitingCalls.Check<A> check) {
                return check.answer(null);
            }
        }, 10_000, 2);
        try {
            List<HeldCall> held = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                HeldCall call = new HeldCall();
                held.add(call);
                roomy.hold("request:" + (i % 7), call, call::gone, LONG, session -> Optional.ofNullable(state.get()),
                        "pending");
            }
            state.set("approved");
            for (int i = 0; i < 7; i++) {
                roomy.wake("request:" + i);
            }
            held.forEach(HeldCall::clientGoesAway);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (roomy.held() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(roomy.held()).isZero();
        } finally {
            roomy.stop();
        }
    }
}
