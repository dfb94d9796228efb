package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * What one operation gave: a value or the class of the exception it failed with. Values must have
 * value equality (strings, lists, records). Exception classes are normalized: {@link
 * FileSystemLoopException} counts as {@link FileSystemException}, since the JDK's provider reports
 * {@code ELOOP} as a plain {@code FileSystemException}; every other class is compared exactly.
 * Immutable.
 *
 * @param value the value of a success (null for an operation that returns nothing), or null
 * @param error the normalized exception class of a failure, or null for a success
 */
public record Outcome(@Nullable Object value, @Nullable Class<? extends Throwable> error) {

  /** The outcome of a successful operation that returns nothing. */
  public static final Outcome DONE = new Outcome("done", null);

  /** Returns a success with {@code value}. */
  public static Outcome of(Object value) {
    return new Outcome(checkNotNull(value, "value"), null);
  }

  /** Returns a failure with the normalized class of {@code t}, after peeling future wrappers. */
  public static Outcome failure(Throwable t) {
    checkNotNull(t, "t");
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return new Outcome(null, normalize(c.getClass()));
  }

  /** Returns a failure with the normalized {@code type}. */
  public static Outcome failure(Class<? extends Throwable> type) {
    return new Outcome(null, normalize(type));
  }

  private static Class<? extends Throwable> normalize(Class<? extends Throwable> type) {
    return type == FileSystemLoopException.class ? FileSystemException.class : type;
  }

  /** Returns true for a success. */
  public boolean isSuccess() {
    return error == null;
  }

  @Override
  public String toString() {
    return error != null ? "failed with " + error.getSimpleName() : "ok " + value;
  }
}
