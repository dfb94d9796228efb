package org.jvfs.bench;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code smallfiles} baselines a Java engineer would write to read many files fast with the JDK
 * alone: {@code Files.readAllBytes} in a parallel stream ({@link Parallel}), on virtual threads
 * ({@link VirtualThreads}, JDK 21 and later), and through channels opened once and read
 * positionally ({@link KeptChannels}).
 */
final class JdkBaselines {
  private JdkBaselines() {}

  /** {@code Files.readAllBytes} of every file in a {@code parallelStream} (the common pool). */
  static final class Parallel extends SmallFiles.Reader {
    private final List<Path> paths = new ArrayList<>();

    Parallel(Tree tree) {
      super("jdk-parallel", tree);
      for (int i = 0; i < tree.files(); i++) {
        paths.add(tree.path(i));
      }
    }

    @Override
    void readAll(long[] latencies) {
      IntStream.range(0, paths.size())
          .parallel()
          .forEach(
              i -> {
                long start = System.nanoTime();
                int n;
                try {
                  n = Files.readAllBytes(paths.get(i)).length;
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
                latencies[i] = System.nanoTime() - start;
                bytes.add(n);
              });
    }
  }

  /**
   * Returns why virtual threads cannot run on this JDK, or null if they can ({@code
   * Executors.newVirtualThreadPerTaskExecutor}, found by reflection so that this compiles on 17).
   */
  static @Nullable String virtualThreadsMissing() {
    try {
      Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return null;
    } catch (NoSuchMethodException e) {
      return "not available on this JDK ("
          + System.getProperty("java.version")
          + "): virtual threads need JDK 21 or later";
    }
  }

  /**
   * {@code Files.readAllBytes} on virtual threads, one per file, at most {@code k} in flight (a
   * semaphore taken before each thread starts).
   */
  static final class VirtualThreads extends SmallFiles.Reader {
    private final int k;
    private final ExecutorService executor;

    /**
     * Makes the variant.
     *
     * @throws IllegalStateException if this JDK has no virtual threads ({@link
     *     #virtualThreadsMissing()})
     */
    VirtualThreads(Tree tree, int k) {
      super("jdk-vthreads", tree);
      this.k = k;
      try {
        executor =
            (ExecutorService)
                Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(virtualThreadsMissing(), e);
      }
    }

    @Override
    void readAll(long[] latencies) throws Exception {
      Semaphore slots = new Semaphore(k);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      for (int f = 0; f < latencies.length && failure.get() == null; f++) {
        int i = f;
        slots.acquire();
        long start = System.nanoTime();
        executor.execute(
            () -> {
              try {
                int n = Files.readAllBytes(tree.path(i)).length;
                latencies[i] = System.nanoTime() - start;
                bytes.add(n);
              } catch (Throwable t) {
                failure.compareAndSet(null, t);
              } finally {
                slots.release();
              }
            });
      }
      slots.acquire(k); // every thread has ended
      slots.release(k);
      Throwable t = failure.get();
      if (t != null) {
        throw t instanceof Exception e ? e : new IllegalStateException(t);
      }
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }

  /**
   * {@code FileChannel}s opened once (on the first round, untimed) and kept; each round reads every
   * file from position 0 until end of file with positional reads into a thread's direct buffer and
   * copies it into a new array, as {@code readAllBytes} returns one, on {@code threads} threads
   * (the IO threads of the jvfs posix variants).
   */
  static final class KeptChannels extends SmallFiles.Reader {
    private final FileChannel[] channels;
    private final ExecutorService pool;
    private final int threads;

    KeptChannels(Tree tree, int threads) {
      super("jdk-keptfd", tree);
      this.channels = new FileChannel[tree.files()];
      this.threads = threads;
      this.pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "bench-keptfd");
                t.setDaemon(true);
                return t;
              });
    }

    @Override
    public void beforeRound() throws IOException {
      if (channels.length > 0 && channels[channels.length - 1] == null) {
        for (int i = 0; i < channels.length; i++) {
          channels[i] = FileChannel.open(tree.path(i), StandardOpenOption.READ);
        }
      }
    }

    @Override
    void readAll(long[] latencies) throws Exception {
      AtomicInteger next = new AtomicInteger();
      List<Future<Long>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  ByteBuffer buffer = ByteBuffer.allocateDirect(Math.max(tree.size() + 1, 8192));
                  long total = 0;
                  for (int i; (i = next.getAndIncrement()) < latencies.length; ) {
                    long start = System.nanoTime();
                    buffer = readWhole(channels[i], buffer);
                    byte[] content = new byte[buffer.position()];
                    buffer.flip().get(content);
                    total += content.length;
                    latencies[i] = System.nanoTime() - start;
                  }
                  return total;
                }));
      }
      for (Future<Long> f : workers) {
        try {
          bytes.add(f.get());
        } catch (ExecutionException e) {
          next.set(latencies.length);
          throw e.getCause() instanceof Exception x ? x : e;
        }
      }
    }

    /** Reads the channel from position 0 to its end into {@code buffer}, growing it if need be. */
    private static ByteBuffer readWhole(FileChannel ch, ByteBuffer buffer) throws IOException {
      buffer.clear();
      long position = 0;
      int n;
      while ((n = ch.read(buffer, position)) >= 0) {
        position += n;
        if (!buffer.hasRemaining()) {
          ByteBuffer bigger = ByteBuffer.allocateDirect(buffer.capacity() * 2);
          buffer.flip();
          buffer = bigger.put(buffer);
        }
      }
      return buffer;
    }

    @Override
    public void close() {
      pool.shutdownNow();
      for (FileChannel ch : channels) {
        if (ch != null) {
          try {
            ch.close();
          } catch (IOException e) {
            // closing a read-only channel: nothing was written that could be lost
          }
        }
      }
    }
  }

  /**
   * Returns the process's limit of open files from {@code /proc/self/limits}, or {@code
   * Long.MAX_VALUE} where it cannot be read.
   */
  static long openFileLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String[] f = line.substring("Max open files".length()).trim().split("\\s+");
          return f[0].equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(f[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or no procfs: assume no limit
    }
    return Long.MAX_VALUE;
  }
}
