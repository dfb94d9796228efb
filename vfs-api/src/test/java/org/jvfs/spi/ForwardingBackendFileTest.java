package org.jvfs.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ForwardingBackendFileTest {
  private final RecordingFake<BackendFile> recorder = new RecordingFake<>(BackendFile.class);
  private final ForwardingBackendFile forwarding = forwardingTo(recorder.fake());

  @TestFactory
  Stream<DynamicTest> everyMethod_forwardsItsArgumentsAndResult() {
    return RecordingFake.methodsOf(BackendFile.class)
        .map(
            m ->
                dynamicTest(
                    m.getName() + " forwards",
                    () ->
                        RecordingFake.assertForwards(
                            BackendFile.class, ForwardingBackendFileTest::forwardingTo, m)));
  }

  @Test
  void toString_isNotForwarded() {
    assertThat(forwarding.toString()).isNotEqualTo(recorder.fake().toString());
    assertThat(forwarding).isNotEqualTo(recorder.fake());
    assertThat(recorder.calls()).isEmpty();
  }

  private static ForwardingBackendFile forwardingTo(BackendFile delegate) {
    return new ForwardingBackendFile() {
      @Override
      protected BackendFile delegate() {
        return delegate;
      }
    };
  }
}
