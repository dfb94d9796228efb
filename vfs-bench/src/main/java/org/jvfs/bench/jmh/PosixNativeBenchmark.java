package org.jvfs.bench.jmh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.SaveError;
import org.jspecify.annotations.Nullable;
import org.jvfs.bench.Tree;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@link PosixNative}'s JNR wrappers, to compare with the same calls made from C by
 * {@code vfs-bench/src/main/c/syscall_loop.c}: each call is relative to a held {@code O_PATH}
 * directory descriptor, on the next of {@value #FILES} file names in turn, exactly as the C loop
 * does. {@code statx} is called with the flags and mask the posix backend uses for a lookup.
 *
 * <p>{@link PosixNative} binds the variadic {@code openat} and {@code syscall} (through which
 * openat2 goes) with fixed arity, so that every call here takes JNR's generated stubs (a
 * {@code @Variadic} declaration takes JNR's slower generic invoker). The {@code *FixedArity}
 * benchmarks make the same calls through a minimal binding of this class's own, {@link
 * FixedArityLibC}, without the wrappers' path copying and EINTR loop: the floor a wrapper can
 * reach.
 *
 * <p>Run: {@code java -cp vfs-bench/target/vfs-bench.jar org.openjdk.jmh.Main
 * PosixNativeBenchmark}, then {@code syscall_loop DIR/d000 100 statx|openat|openat2} on a tree made
 * by the runner or mktree.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PosixNativeBenchmark {
  /** Files in the directory the calls use, as the C loop's NFILES. */
  public static final int FILES = 100;

  private static final int STATX_MASK = Linux.STATX_BASIC_STATS | Linux.STATX_BTIME;
  private static final int OPEN_FLAGS = Linux.O_RDONLY | Linux.O_CLOEXEC | Linux.O_NOFOLLOW;
  private static final long CONFINED = Linux.RESOLVE_BENEATH | Linux.RESOLVE_NO_MAGICLINKS;

  /**
   * The same C functions bound with fixed arity (the x86-64 and aarch64 Linux calling conventions
   * pass these variadic arguments as they pass fixed ones). Public because JNR implements it.
   */
  public interface FixedArityLibC {
    /** {@code int openat(int dirfd, const char *path, int flags, mode_t mode)}. */
    @SaveError
    int openat(int dirfd, long path, int flags, int mode);

    /** {@code long syscall(long number, ...)} with four arguments. */
    @SaveError
    long syscall(long number, long a1, long a2, long a3, long a4);

    /** {@code int close(int fd)}. */
    @SaveError
    int close(int fd);
  }

  private final PosixNative nat = PosixNative.get();
  private final FixedArityLibC fixed = LibraryLoader.create(FixedArityLibC.class).load("c");
  private final jnr.ffi.Runtime runtime = jnr.ffi.Runtime.getRuntime(fixed);
  private final ByteBuffer pathBuf = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
  private final ByteBuffer howBuf = ByteBuffer.allocateDirect(24).order(ByteOrder.nativeOrder());
  private final long pathAddr = Pointer.wrap(runtime, pathBuf).address();
  private final long howAddr = Pointer.wrap(runtime, howBuf).address();
  private final Statx statx = new Statx();
  private final byte[][] names = new byte[FILES][];
  private @Nullable Path dir;
  private int dirFd = -1;
  private int next;

  /** Makes one directory of files and opens it {@code O_PATH}. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path d = Files.createTempDirectory("jvfs-jmh-native-");
    dir = d;
    Tree.prepare(d, FILES, 4096);
    for (int i = 0; i < FILES; i++) {
      names[i] = Tree.relative(i).substring(5).getBytes(StandardCharsets.UTF_8);
    }
    byte[] path = d.resolve("d000").toString().getBytes(StandardCharsets.UTF_8);
    dirFd = nat.openat(Linux.AT_FDCWD, path, Linux.O_PATH | Linux.O_DIRECTORY | Linux.O_CLOEXEC, 0);
    if (dirFd < 0) {
      throw new IOException("openat of the directory failed: errno " + -dirFd);
    }
    howBuf.putLong(0, OPEN_FLAGS).putLong(8, 0).putLong(16, CONFINED);
  }

  /** Closes the directory and deletes the files. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (dirFd >= 0) {
      nat.close(dirFd);
      dirFd = -1;
    }
    if (dir != null) {
      Tree.deleteRecursively(dir);
    }
  }

  private byte[] nextName() {
    int i = next;
    next = i + 1 == FILES ? 0 : i + 1;
    return names[i];
  }

  /** {@code statx(dirfd, name, AT_SYMLINK_NOFOLLOW, BASIC_STATS|BTIME)}, as a backend lookup. */
  @Benchmark
  public long statx() {
    int r = nat.statx(dirFd, nextName(), Linux.AT_SYMLINK_NOFOLLOW, STATX_MASK, statx);
    if (r != 0) {
      throw new IllegalStateException("statx: errno " + -r);
    }
    return statx.size;
  }

  /** {@code openat(dirfd, name, O_RDONLY|O_CLOEXEC|O_NOFOLLOW)} then {@code close}. */
  @Benchmark
  public int openatClose() {
    int fd = nat.openat(dirFd, nextName(), OPEN_FLAGS, 0);
    if (fd < 0) {
      throw new IllegalStateException("openat: errno " + -fd);
    }
    return nat.close(fd) + fd;
  }

  /**
   * {@code openat2(dirfd, name, {O_RDONLY|O_CLOEXEC|O_NOFOLLOW, 0, BENEATH|NO_MAGICLINKS})} then
   * {@code close}: the confined open the posix backend does.
   */
  @Benchmark
  public int openat2Close() {
    int fd = nat.openat2(dirFd, nextName(), OPEN_FLAGS, 0, CONFINED);
    if (fd < 0) {
      throw new IllegalStateException("openat2: errno " + -fd);
    }
    return nat.close(fd) + fd;
  }

  /** Copies a name NUL-terminated into the direct path buffer, as PosixNative does. */
  private long putName(byte[] name) {
    pathBuf.put(0, name, 0, name.length);
    pathBuf.put(name.length, (byte) 0);
    return pathAddr;
  }

  /** {@link #openatClose()} through the fixed-arity binding. */
  @Benchmark
  public int openatCloseFixedArity() {
    int fd = fixed.openat(dirFd, putName(nextName()), OPEN_FLAGS, 0);
    if (fd < 0) {
      throw new IllegalStateException("openat: errno " + runtime.getLastError());
    }
    return fixed.close(fd) + fd;
  }

  /** {@link #openat2Close()} through the fixed-arity binding of {@code syscall}. */
  @Benchmark
  public int openat2CloseFixedArity() {
    int fd = (int) fixed.syscall(Linux.SYS_OPENAT2, dirFd, putName(nextName()), howAddr, 24);
    if (fd < 0) {
      throw new IllegalStateException("openat2: errno " + runtime.getLastError());
    }
    return fixed.close(fd) + fd;
  }
}
