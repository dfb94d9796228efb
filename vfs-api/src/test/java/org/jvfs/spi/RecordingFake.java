package org.jvfs.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A fake of an SPI interface, made with a dynamic proxy, that records each call and answers it with
 * a fresh value of the method's return type, so a test can check that a wrapper passed the very
 * arguments on and handed the very result back. Object's methods are answered by identity and not
 * recorded. Not thread-safe.
 */
final class RecordingFake<T> {

  /** One recorded call and the value it answered. */
  record Call(Method method, List<Object> args, @Nullable Object result) {}

  private final List<Call> calls = new ArrayList<>();
  private final T proxy;

  RecordingFake(Class<T> type) {
    this.proxy =
        type.cast(
            Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (self, method, args) -> answer(self, method, args)));
  }

  /** Returns the fake itself. */
  T fake() {
    return proxy;
  }

  /** Returns the calls recorded so far, in order. */
  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Returns the abstract and default instance methods of {@code type}, its SPI. */
  static Stream<Method> methodsOf(Class<?> type) {
    return Arrays.stream(type.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()));
  }

  /** Returns arguments for {@code method}, each distinct from the others. */
  static Object[] argumentsFor(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = argument(types[i], i + 1);
    }
    return args;
  }

  private static Object argument(Class<?> type, int i) {
    if (type == Node.class) {
      return new FakeNode("node" + i);
    } else if (type == Name.class) {
      return Name.of("name" + i);
    } else if (type == OpenFlags.class) {
      return OpenFlags.READ;
    } else if (type == java.util.Set.class) {
      return EnumSet.of(PosixFilePermission.OWNER_READ);
    } else if (type == boolean.class) {
      return Boolean.TRUE;
    } else if (type == long.class) {
      return Long.valueOf(1000L + i);
    } else if (type == String.class) {
      return "string" + i;
    } else if (type == FileTime.class) {
      return FileTime.fromMillis(i);
    } else if (type == ByteBuffer.class) {
      return ByteBuffer.allocate(i);
    } else if (type == Invalidations.class) {
      return new Invalidations() {
        @Override
        public void changed(Node dir, @org.jspecify.annotations.Nullable Name name) {}

        @Override
        public void overflow() {}
      };
    }
    throw new AssertionError("no test argument for " + type);
  }

  /**
   * Checks, on a fresh fake of {@code type}, that one call of {@code method} on the wrapper that
   * {@code forwardingTo} makes around the fake reaches the fake with the same arguments, and that
   * the wrapper returns the very value the fake answered.
   */
  static <T> void assertForwards(
      Class<T> type, Function<T, ? extends T> forwardingTo, Method method) throws Exception {
    RecordingFake<T> fresh = new RecordingFake<>(type);
    Object[] args = argumentsFor(method);

    Object result = method.invoke(forwardingTo.apply(fresh.fake()), args);

    assertThat(fresh.calls()).hasSize(1);
    Call call = fresh.calls().get(0);
    assertThat(call.method()).isEqualTo(method);
    assertThat(call.args()).containsExactly(args);
    assertThat(result).isSameAs(call.result());
  }

  private @Nullable Object answer(Object self, Method method, Object @Nullable [] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> args != null && self == args[0];
        case "hashCode" -> System.identityHashCode(self);
        default -> "RecordingFake";
      };
    }
    Object result = result(method.getReturnType());
    calls.add(new Call(method, args == null ? List.of() : Arrays.asList(args), result));
    return result;
  }

  /** Returns a fresh value of {@code type} (no value for void). */
  private static @Nullable Object result(Class<?> type) {
    if (type == void.class) {
      return null;
    } else if (type == CompletionStage.class) {
      return new CompletableFuture<Object>();
    } else if (type == java.util.Set.class) {
      return new HashSet<Object>();
    } else if (type == Node.class) {
      return new FakeNode("result");
    } else if (type == Probe.class) {
      // Not the default's Probe.unknown(), so the default cannot pass for a forward.
      return Probe.absent();
    }
    throw new AssertionError("no test result for " + type);
  }

  /** A node equal only to itself. */
  private record FakeNode(String label) implements Node {
    @Override
    public boolean equals(@Nullable Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
