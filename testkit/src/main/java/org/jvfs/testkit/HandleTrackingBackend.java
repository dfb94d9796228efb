package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.ForwardingBackendFile;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.OpenFlags;

/**
 * A backend wrapper that counts the files opened through it and remembers where each still-open one
 * was opened, so a test can fail on a leaked handle with the stack of the leaking open.
 *
 * <p>A handle counts as closed when its {@link BackendFile#close()} is first called, whatever the
 * stage's outcome (a close is never retried: the handle is gone either way). Closing this backend
 * closes the delegate; the tracked handles stay listed, so a leak is still reported. Every other
 * call is forwarded unchanged. Thread-safe.
 */
public final class HandleTrackingBackend extends ForwardingBackend {
  private final Backend delegate;
  private final Map<TrackedFile, Throwable> open = new ConcurrentHashMap<>();
  private final AtomicLong opens = new AtomicLong();
  private final AtomicLong closes = new AtomicLong();

  /**
   * Wraps {@code delegate}; closing this backend closes it.
   *
   * @throws NullPointerException if {@code delegate} is null
   */
  public HandleTrackingBackend(Backend delegate) {
    this.delegate = checkNotNull(delegate, "delegate");
  }

  /** Returns the wrapped backend. */
  @Override
  public Backend delegate() {
    return delegate;
  }

  /** Returns the number of files opened and not yet closed. */
  public int openHandles() {
    return open.size();
  }

  /** Returns the number of successful opens so far. */
  public long opens() {
    return opens.get();
  }

  /** Returns the number of closes so far (first close of each handle only). */
  public long closes() {
    return closes.get();
  }

  /**
   * Checks that every file opened through this wrapper was closed.
   *
   * @throws AssertionError listing, for each leaked handle, its node and the stack of its open
   */
  public void assertNoOpenHandles() {
    if (open.isEmpty()) {
      return;
    }
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out);
    w.printf("%d backend file(s) left open:%n", open.size());
    open.forEach(
        (file, site) -> {
          w.printf("- %s, opened at:%n", file.node());
          site.printStackTrace(w);
        });
    w.flush();
    throw new AssertionError(out.toString());
  }

  /** Opens through the delegate and tracks the file until it is closed. */
  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    Throwable site = new Throwable("open of " + name + " in " + dir);
    return delegate
        .open(dir, name, flags, permissions)
        .thenApply(
            o -> {
              TrackedFile file = new TrackedFile(o.file());
              open.put(file, site);
              opens.incrementAndGet();
              return new Opened(file, o.info(), o.created());
            });
  }

  /** A file whose first close is counted. Identity equality: it is a map key. */
  private final class TrackedFile extends ForwardingBackendFile {
    private final BackendFile file;
    private final AtomicBoolean closed = new AtomicBoolean();

    TrackedFile(BackendFile file) {
      this.file = file;
    }

    @Override
    protected BackendFile delegate() {
      return file;
    }

    @Override
    public CompletionStage<Void> close() {
      if (closed.compareAndSet(false, true)) {
        open.remove(this);
        closes.incrementAndGet();
      }
      return file.close();
    }

    @Override
    public String toString() {
      return "Tracked[" + file + "]";
    }
  }
}
