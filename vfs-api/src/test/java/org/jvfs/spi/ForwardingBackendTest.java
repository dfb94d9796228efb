package org.jvfs.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ForwardingBackendTest {
  private final RecordingFake<Backend> recorder = new RecordingFake<>(Backend.class);
  private final ForwardingBackend forwarding = forwardingTo(recorder.fake());

  @TestFactory
  Stream<DynamicTest> everyMethod_forwardsItsArgumentsAndResult() {
    return RecordingFake.methodsOf(Backend.class)
        .map(
            m ->
                dynamicTest(
                    m.getName() + " forwards",
                    () ->
                        RecordingFake.assertForwards(
                            Backend.class, ForwardingBackendTest::forwardingTo, m)));
  }

  @Test
  void probeLookup_forwardsInsteadOfAnsweringUnknown() {
    Probe probe = forwarding.probeLookup(forwarding.root(), Name.of("a"));

    assertThat(probe.isKnown()).isTrue();
    assertThat(recorder.calls())
        .extracting(c -> c.method().getName())
        .containsExactly("root", "probeLookup");
  }

  @Test
  void toString_isNotForwarded() {
    assertThat(forwarding.toString()).isNotEqualTo(recorder.fake().toString());
    assertThat(forwarding).isNotEqualTo(recorder.fake());
    assertThat(recorder.calls()).isEmpty();
  }

  private static ForwardingBackend forwardingTo(Backend delegate) {
    return new ForwardingBackend() {
      @Override
      protected Backend delegate() {
        return delegate;
      }
    };
  }
}
