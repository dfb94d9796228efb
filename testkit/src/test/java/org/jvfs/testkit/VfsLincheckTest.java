package org.jvfs.testkit;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;

/**
 * Checks with Lincheck that {@link Vfs} operations on a {@link MemoryBackend} are linearizable
 * against a plain map of paths to file contents ({@link Spec}), in stress mode and in
 * model-checking mode.
 *
 * <p>The VFS completes directly ({@link Vfs.Builder#directCompletion()}) and the memory backend
 * answers inline, so every operation runs to its end on the Lincheck thread that called it (or,
 * when it joined another thread's load, on that thread, which Lincheck also controls). The
 * operations address {@code /a}, {@code /b} and {@code /d/a}, so that moves cross directories. Each
 * is one atomic change in the backend: a create is {@code write} with CREATE_NEW and no bytes, an
 * append is {@code write} of one byte with APPEND (a create-and-write is two backend steps, and a
 * reader may see the empty file between them).
 *
 * <p>{@link #lookupNow} may answer MISS at any time; the operation then reports the backend's own
 * answer, read atomically and without touching the VFS, so that a MISS never fails the check while
 * every HIT and ABSENT must be the tree's state at some instant within the call (see {@code
 * DentryCacheLincheckTest} in vfs-api, which checks the cache underneath the same way). A move
 * reports {@code failed} for both of its refusals: the VFS, as the JDK, reads the source and then
 * the target, so "absent source" and "existing target" are each true at some instant but not always
 * together.
 *
 * <p>Scope. A VFS operation runs far more code than a cache call, so the model checker affords few
 * invocations here; it checks the operations end to end, while the races of the cache's own
 * protocol are explored in depth by {@code DentryCacheLincheckTest}. Stress mode runs the same
 * scenarios on real threads (it found the rename of a replaced source binding the target to the
 * deleted node, which the cache check now covers in both modes).
 *
 * <p>The memory backend reads a fixed clock, and the VFS's caches do their maintenance on the
 * calling thread (the production default), so the model checker controls every thread.
 */
@Param(name = VfsLincheckTest.PATH, gen = IntGen.class, conf = "0:2")
public class VfsLincheckTest {
  static final String PATH = "path";
  private static final String[] PATHS = {"/a", "/b", "/d/a"};

  static final String ABSENT = "absent";
  static final String DONE = "done";
  static final String EXISTS = "exists";
  static final String FAILED = "failed";

  private final MemoryBackend backend =
      MemoryBackend.builder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).build();
  private final Vfs vfs;
  private final Node d;

  public VfsLincheckTest() throws Exception {
    vfs = Vfs.builder().mount("/", backend).directCompletion().build();
    vfs.createDirectory("/d").join();
    d = backend.lookup(backend.root(), Name.of("d")).toCompletableFuture().join().node();
  }

  @Operation
  public String create(@Param(name = PATH) int p) {
    return outcome(vfs.write(PATHS[p], new byte[0], StandardOpenOption.CREATE_NEW));
  }

  @Operation
  public String append(@Param(name = PATH) int p) {
    return outcome(vfs.write(PATHS[p], new byte[] {'x'}, StandardOpenOption.APPEND));
  }

  @Operation
  public String delete(@Param(name = PATH) int p) {
    return outcome(vfs.delete(PATHS[p]));
  }

  @Operation
  public String move(@Param(name = PATH) int from, @Param(name = PATH) int to) {
    String outcome = outcome(vfs.move(PATHS[from], PATHS[to]));
    return outcome.equals(DONE) ? DONE : FAILED;
  }

  @Operation
  public String lookup(@Param(name = PATH) int p) {
    LookupResult r = vfs.lookup(PATHS[p]).join();
    return r.isHit() ? Spec.size(Sizes.of(r.attributes())) : ABSENT;
  }

  /** A HIT as its size, ABSENT, or on a MISS the backend's answer; see the class comment. */
  @Operation
  public String lookupNow(@Param(name = PATH) int p) {
    LookupResult r = vfs.lookupNow(PATHS[p]);
    switch (r.status()) {
      case HIT:
        return Spec.size(Sizes.of(r.attributes()));
      case ABSENT:
        return ABSENT;
      default:
        Node dir = p == 2 ? d : backend.root();
        Name name = Name.of(p == 1 ? "b" : "a");
        NodeInfo info = backend.lookup(dir, name).toCompletableFuture().join();
        return info == null ? ABSENT : Spec.size(Sizes.of(info.attributes()));
    }
  }

  @Operation
  public String stat(@Param(name = PATH) int p) {
    CompletableFuture<NodeAttributes> f = vfs.stat(PATHS[p]);
    String outcome = outcome(f);
    return outcome.equals(DONE) ? Spec.size(Sizes.of(f.join())) : outcome;
  }

  @Operation
  public String readAllBytes(@Param(name = PATH) int p) {
    CompletableFuture<byte[]> f = vfs.readAllBytes(PATHS[p]);
    String outcome = outcome(f);
    return outcome.equals(DONE)
        ? Spec.content(new String(f.join(), StandardCharsets.UTF_8))
        : outcome;
  }

  /** Waits for {@code f}: DONE, or the word for the failure the specification knows. */
  private static String outcome(CompletableFuture<?> f) {
    try {
      f.join();
      return DONE;
    } catch (CompletionException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return ABSENT;
      }
      if (e.getCause() instanceof FileAlreadyExistsException) {
        return EXISTS;
      }
      throw e;
    }
  }

  @Test
  public void operations_stressed_areLinearizable() {
    StressOptions options =
        new StressOptions()
            .sequentialSpecification(Spec.class)
            .threads(2)
            .actorsPerThread(3)
            .actorsBefore(2)
            .actorsAfter(1)
            .iterations(5)
            .invocationsPerIteration(300);
    for (ExecutionScenario race : RACES) {
      options.addCustomScenario(race);
    }
    options.check(getClass());
  }

  @Test
  public void operations_modelChecked_areLinearizable() {
    ModelCheckingOptions options =
        new ModelCheckingOptions()
            .sequentialSpecification(Spec.class)
            .threads(2)
            .actorsPerThread(3)
            .actorsBefore(2)
            .actorsAfter(1)
            .iterations(3)
            .invocationsPerIteration(30)
            .addGuarantee(forClasses(Sizes.class.getName()).allMethods().ignore())
            // As in DentryCacheLincheckTest: Caffeine and the memory backend are atomic steps, so
            // the model checker spends its switches on the VFS core.
            .addGuarantee(
                forClasses(c -> c.startsWith("com.github.benmanes.caffeine."))
                    .allMethods()
                    .treatAsAtomic())
            .addGuarantee(
                forClasses(c -> c.startsWith("org.jvfs.memory.")).allMethods().treatAsAtomic());
    for (ExecutionScenario race : RACES) {
      options.addCustomScenario(race);
    }
    options.check(getClass());
  }

  /**
   * A reader against each kind of mutation of the same path, then reads of the paths involved;
   * random scenarios meet these only now and then, the model checker tries every interleaving.
   */
  private static final List<ExecutionScenario> RACES =
      List.of(
          race(
              List.of(actor("create", 0), actor("stat", 0)),
              List.of(actor("delete", 0)),
              List.of(actor("stat", 0))),
          race(List.of(actor("stat", 0)), List.of(actor("create", 0)), List.of(actor("stat", 0))),
          race(
              List.of(actor("create", 0), actor("stat", 2)),
              List.of(actor("move", 0, 2)),
              List.of(actor("stat", 2))),
          race(
              List.of(actor("create", 0), actor("stat", 0)),
              List.of(actor("append", 0)),
              List.of(actor("stat", 0))),
          race(List.of(), List.of(actor("create", 0)), List.of(actor("delete", 0))),
          race(
              List.of(actor("create", 0)),
              List.of(actor("move", 0, 2)),
              List.of(actor("create", 0))),
          // The source is replaced between the move's walk and its rename.
          race(
              List.of(actor("create", 0), actor("append", 0)),
              List.of(actor("move", 0, 2)),
              List.of(actor("delete", 0), actor("create", 0))));

  private static ExecutionScenario race(List<Actor> init, List<Actor> first, List<Actor> second) {
    List<Actor> after =
        List.of(
            actor("lookupNow", 0),
            actor("stat", 0),
            actor("readAllBytes", 0),
            actor("lookupNow", 2),
            actor("stat", 2));
    return new ExecutionScenario(init, List.of(first, second), after, null);
  }

  private static Actor actor(String operation, Object... args) {
    for (Method m : VfsLincheckTest.class.getMethods()) {
      if (m.getName().equals(operation) && m.getDeclaringClass() == VfsLincheckTest.class) {
        return new Actor(m, List.of(args), false, false, false, false, false);
      }
    }
    throw new IllegalArgumentException("no operation " + operation);
  }

  /**
   * Reads a size outside the model checker's view: it refuses every call of a {@code
   * BasicFileAttributes} method as a file operation, and {@link NodeAttributes} is one.
   */
  static final class Sizes {
    static long of(@Nullable NodeAttributes attributes) {
      return java.util.Objects.requireNonNull(attributes).size();
    }
  }

  /** The sequential specification: three paths, each absent or a file of some bytes {@code x}. */
  public static final class Spec {
    private final long[] sizes = {-1, -1, -1};

    static String size(long size) {
      return "size=" + size;
    }

    static String content(String content) {
      return "content=" + content;
    }

    public String create(int p) {
      if (sizes[p] >= 0) {
        return EXISTS;
      }
      sizes[p] = 0;
      return DONE;
    }

    public String append(int p) {
      if (sizes[p] < 0) {
        return ABSENT;
      }
      sizes[p]++;
      return DONE;
    }

    public String delete(int p) {
      if (sizes[p] < 0) {
        return ABSENT;
      }
      sizes[p] = -1;
      return DONE;
    }

    public String move(int from, int to) {
      if (sizes[from] < 0 || (from != to && sizes[to] >= 0)) {
        return FAILED;
      }
      long size = sizes[from];
      sizes[from] = -1;
      sizes[to] = size;
      return DONE;
    }

    public String lookup(int p) {
      return sizes[p] < 0 ? ABSENT : size(sizes[p]);
    }

    public String lookupNow(int p) {
      return lookup(p);
    }

    public String stat(int p) {
      return lookup(p);
    }

    public String readAllBytes(int p) {
      return sizes[p] < 0 ? ABSENT : content("x".repeat((int) sizes[p]));
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Spec s && Arrays.equals(s.sizes, sizes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(sizes);
    }
  }
}
