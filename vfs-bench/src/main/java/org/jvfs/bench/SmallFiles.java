package org.jvfs.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.jvfs.Vfs;

/**
 * The {@code smallfiles} workload: read every file of the tree whole, once per round.
 *
 * <p>Every variant reads a file as {@code Files.readAllBytes} does, without trusting a size known
 * in advance: it opens the file, reads until end of file, and closes it ({@code jdk-keptfd} alone
 * keeps its channels open across rounds). Each checks the byte count it read against the tree's.
 * The baseline is {@code jdk-parallel}, {@code Files.readAllBytes} in a parallel stream; {@code
 * jvfs-posix}, each file opened and closed through the posix backend, is the headline.
 */
public final class SmallFiles {
  private SmallFiles() {}

  /**
   * Makes the variants the options ask for; those that cannot run here are named in {@code skipped}
   * with the reason.
   *
   * @throws IOException if a VFS cannot be made
   */
  public static List<Variant> variants(Options options, Tree tree, List<String> skipped)
      throws IOException {
    List<Variant> out = new ArrayList<>();
    int k = options.inFlight();
    // jvfs-posix and jvfs-posix-qd1 read through one VFS (its caches hold one tree, not two),
    // closed by whichever variant made it.
    Vfs[] posix = {null};
    Vfs[] aio = {null}; // the same for jvfs-aio and jvfs-aio-qd1
    for (String name : Workload.SMALLFILES.variants()) {
      if (!options.wants(name)) {
        continue;
      }
      switch (name) {
        case "jdk-parallel" -> out.add(new JdkBaselines.Parallel(tree));
        case "jdk-vthreads" -> {
          String missing = JdkBaselines.virtualThreadsMissing();
          if (missing == null) {
            out.add(new JdkBaselines.VirtualThreads(tree, k));
          } else {
            skipped.add(name + ": " + missing);
          }
        }
        case "jdk-keptfd" -> {
          long limit = JdkBaselines.openFileLimit();
          if (tree.files() > limit / 2) {
            skipped.add(
                name
                    + ": "
                    + tree.files()
                    + " files kept open would pass half the limit of open files ("
                    + limit
                    + ")");
          } else {
            out.add(new JdkBaselines.KeptChannels(tree, keptThreads(options)));
          }
        }
        case "jdk-readAllBytes" -> out.add(new ReadAllBytes(tree));
        case "jdk-filechannel" -> out.add(new Channel(tree));
        case "jdk-async" -> out.add(new Async(tree, k));
        case "jvfs-posix", "jvfs-posix-qd1" -> {
          if (JvfsMount.posixAvailable()) {
            int depth = name.endsWith("-qd1") ? 1 : k;
            boolean owner = posix[0] == null;
            if (owner) {
              posix[0] =
                  JvfsMount.posix(tree, options.ioThreads(), options.posixProbe()).open(tree, k);
            }
            out.add(new JvfsRead(name, posix[0], tree, depth, owner));
          } else {
            skipped.add(name + ": no \"posix\" BackendProvider on the class path");
          }
        }
        case "jvfs-aio", "jvfs-aio-qd1" -> {
          if (JvfsMount.provider(JvfsMount.AIO).isPresent()) {
            int depth = name.endsWith("-qd1") ? 1 : k;
            boolean owner = aio[0] == null;
            if (owner) {
              aio[0] =
                  JvfsMount.nativeMount(
                          JvfsMount.AIO, tree.root(), options.ioThreads(), options.posixProbe(), 0)
                      .open(tree, k);
            }
            out.add(new JvfsRead(name, aio[0], tree, depth, owner));
          } else {
            skipped.add(name + ": no \"aio\" BackendProvider on the class path");
          }
        }
        case "jdk-threads8" ->
            out.add(
                new Callers.Threads(
                    name, tree, i -> java.nio.file.Files.readAllBytes(tree.path(i)).length, null));
        case "jvfs-posix-threads8", "jvfs-posix-loop" -> {
          if (!JvfsMount.posixAvailable()) {
            skipped.add(name + ": no \"posix\" BackendProvider on the class path");
            continue;
          }
          JvfsMount mount = JvfsMount.posix(tree, options.ioThreads(), options.posixProbe());
          String[] paths = paths(tree);
          if (name.equals("jvfs-posix-threads8")) {
            Vfs vfs = mount.open(tree, k, null);
            out.add(
                new Callers.Threads(
                    name, tree, i -> vfs.readAllBytes(paths[i]).join().length, vfs));
          } else {
            java.util.concurrent.ExecutorService loop = Callers.Loop.newLoop();
            Vfs vfs = mount.open(tree, k, loop);
            out.add(new Callers.Loop(name, tree, loop, i -> vfs.readAllBytes(paths[i]), k, vfs));
          }
        }
        case "jvfs-memory" ->
            out.add(new JvfsRead(name, JvfsMount.memory(tree).open(tree, k), tree, k, true));
        default -> throw new AssertionError(name);
      }
    }
    return out;
  }

  /**
   * Returns the threads {@code jdk-keptfd} reads on: the posix backend's IO threads, as the options
   * set them or as its default makes them (twice the processors, at least 4).
   */
  static int keptThreads(Options options) {
    return options.ioThreads() > 0
        ? options.ioThreads()
        : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** Returns the VFS path of every file of the tree, by index. */
  static String[] paths(Tree tree) {
    String[] paths = new String[tree.files()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = "/" + Tree.relative(i);
    }
    return paths;
  }

  /** A variant that reads every file of the tree whole and checks the bytes it read. */
  abstract static class Reader implements Variant {
    final String name;
    final Tree tree;
    final LongAdder bytes = new LongAdder();

    Reader(String name, Tree tree) {
      this.name = name;
      this.tree = tree;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int operations() {
      return tree.files();
    }

    @Override
    public final void run(long[] latencies) throws Exception {
      bytes.reset();
      readAll(latencies);
      long expected = (long) tree.files() * tree.size();
      if (bytes.sum() != expected) {
        throw new IOException("read " + bytes.sum() + " bytes, the tree has " + expected);
      }
    }

    abstract void readAll(long[] latencies) throws Exception;
  }

  /** {@code Files.readAllBytes}, one file after another. */
  static final class ReadAllBytes extends Reader {
    ReadAllBytes(Tree tree) {
      super("jdk-readAllBytes", tree);
    }

    @Override
    void readAll(long[] latencies) throws IOException {
      long total = 0;
      for (int i = 0; i < latencies.length; i++) {
        long start = System.nanoTime();
        total += Files.readAllBytes(tree.path(i)).length;
        latencies[i] = System.nanoTime() - start;
      }
      bytes.add(total);
    }
  }

  /** {@code FileChannel}: open, read into a reused direct buffer until end of file, close. */
  static final class Channel extends Reader {
    private ByteBuffer buffer;

    Channel(Tree tree) {
      super("jdk-filechannel", tree);
      buffer = ByteBuffer.allocateDirect(Math.max(tree.size() + 1, 8192));
    }

    @Override
    void readAll(long[] latencies) throws IOException {
      long total = 0;
      for (int i = 0; i < latencies.length; i++) {
        long start = System.nanoTime();
        try (FileChannel ch = FileChannel.open(tree.path(i), StandardOpenOption.READ)) {
          buffer.clear();
          while (ch.read(buffer) >= 0) {
            if (!buffer.hasRemaining()) {
              ByteBuffer bigger = ByteBuffer.allocateDirect(buffer.capacity() * 2);
              buffer.flip();
              buffer = bigger.put(buffer);
            }
          }
          total += buffer.position();
        }
        latencies[i] = System.nanoTime() - start;
      }
      bytes.add(total);
    }
  }

  /**
   * {@code AsynchronousFileChannel}, {@code k} files in flight: open (which blocks the starting
   * thread, as the JDK has no asynchronous open), read at position 0 and on until end of file, each
   * read completing on the JDK's default channel group, then close.
   */
  static final class Async extends Reader {
    private final int k;

    Async(Tree tree, int k) {
      super("jdk-async", tree);
      this.k = k;
    }

    @Override
    void readAll(long[] latencies) throws Exception {
      InFlight.run(latencies.length, k, this::readOne, latencies);
    }

    private CompletableFuture<Integer> readOne(int i) {
      CompletableFuture<Integer> done = new CompletableFuture<>();
      AsynchronousFileChannel ch;
      try {
        ch = AsynchronousFileChannel.open(tree.path(i), StandardOpenOption.READ);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
      ByteBuffer buffer = ByteBuffer.allocate(Math.max(tree.size() + 1, 16));
      ch.read(
          buffer,
          0,
          buffer,
          new CompletionHandler<Integer, ByteBuffer>() {
            @Override
            public void completed(Integer n, ByteBuffer b) {
              if (n >= 0) {
                ByteBuffer next = b;
                if (!b.hasRemaining()) {
                  next = ByteBuffer.allocate(b.capacity() * 2);
                  b.flip();
                  next.put(b);
                }
                ch.read(next, next.position(), next, this);
                return;
              }
              finish(null, b.position());
            }

            @Override
            public void failed(Throwable t, ByteBuffer b) {
              finish(t, 0);
            }

            private void finish(@Nullable Throwable t, int read) {
              try {
                ch.close();
              } catch (IOException e) {
                if (t == null) {
                  t = e;
                }
              }
              if (t != null) {
                done.completeExceptionally(t);
              } else {
                bytes.add(read);
                done.complete(read);
              }
            }
          });
      return done;
    }
  }

  /**
   * {@link Vfs#readAllBytes}, {@code k} files in flight (one at a time for the qd1 variant); closes
   * the VFS if it is its {@code owner}.
   */
  static final class JvfsRead extends Reader {
    private final Vfs vfs;
    private final int k;
    private final boolean owner;
    private final String[] paths;

    JvfsRead(String name, Vfs vfs, Tree tree, int k, boolean owner) {
      super(name, tree);
      this.vfs = vfs;
      this.k = k;
      this.owner = owner;
      this.paths = paths(tree);
    }

    @Override
    void readAll(long[] latencies) throws Exception {
      InFlight.run(
          latencies.length,
          k,
          i ->
              vfs.readAllBytes(paths[i])
                  .thenApply(
                      b -> {
                        bytes.add(b.length);
                        return b;
                      }),
          latencies);
    }

    @Override
    public void close() {
      if (owner) {
        vfs.close();
      }
    }
  }
}
