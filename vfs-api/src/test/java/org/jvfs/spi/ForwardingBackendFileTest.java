package org.jvfs.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.Method;
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
        .map(m -> dynamicTest(m.getName() + " forwards", () -> assertForwards(m)));
  }

  @Test
  void toString_isNotForwarded() {
    assertThat(forwarding.toString()).isNotEqualTo(recorder.fake().toString());
    assertThat(forwarding).isNotEqualTo(recorder.fake());
    assertThat(recorder.calls()).isEmpty();
  }

  /** Checks, on a fresh fake, that one call of {@code method} is forwarded as is. */
  private static void assertForwards(Method method) throws Exception {
    RecordingFake<BackendFile> fresh = new RecordingFake<>(BackendFile.class);
    Object[] args = RecordingFake.argumentsFor(method);

    Object result = method.invoke(forwardingTo(fresh.fake()), args);

    assertThat(fresh.calls()).hasSize(1);
    RecordingFake.Call call = fresh.calls().get(0);
    assertThat(call.method()).isEqualTo(method);
    assertThat(call.args()).containsExactly(args);
    assertThat(result).isSameAs(call.result());
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
