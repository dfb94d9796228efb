package org.jvfs.core;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.LookupResult;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * Checks with Lincheck that the {@link DentryCache}, driven through its own methods the way the VFS
 * drives it, is linearizable against a plain map of names to file sizes ({@link Spec}), in stress
 * mode and in model-checking mode.
 *
 * <p>The tree is a {@link MemoryBackend} (deterministic, every stage complete on return) with a
 * directory {@code d}; the operations address three locations, {@code a}, {@code b} and {@code
 * d/a}, so that renames cross directories and take both directories' monitors. Each mutation
 * follows the VFS's protocol: read the directory's generation, call the backend, then tell the
 * cache ({@code added}, {@code removed}, {@code renamed}, {@code forget}), as {@code FileOps},
 * {@code TreeOps} and {@code Mover} do; an append invalidates the node's attributes after the
 * write, as {@code VfsFile} does. Loads go through {@link DentryCache#load}; {@link #stat} and
 * {@link #rename} resolve names as the walk does (peek, else load). {@link #forget} and {@link
 * #dropMount} change nothing in the tree, so the specification ignores them; they check that
 * forgetting never makes the cache wrong. Changes behind the cache's back followed by a watch
 * report ({@link #createOutside}, {@link #deleteOutside}) run only in the targeted races.
 *
 * <p>Random scenarios meet a given race only now and then, so {@link #RACES} adds the design's
 * races as fixed scenarios to both modes; the model checker tries their interleavings, and with
 * Caffeine and the memory backend as atomic steps it spends its switches on the cache's protocol.
 * Each of these was caught by the model checker when planted: a load inserting without the
 * generation check, an attribute put without the epoch check, a load inserting across a mount drop,
 * a remove, rename or forget leaving an entry behind, and a mutation asserting its answer after
 * another mutation of the directory.
 *
 * <p>The nonblocking read and the sequential specification. {@link #lookupNow} answers as {@code
 * VfsCore.lookupNow} does: from the {@link FrontCache} if the path's answer is there and still
 * holds; else a cached dentry with cached attributes is a HIT (reported as its size), a negative
 * dentry is ABSENT (found in probation, it is promoted), anything else is a MISS, and a HIT or
 * ABSENT is offered to the front cache with the footprint the peeks recorded. A MISS is always
 * allowed (nothing cached, a load in flight, a drop just happened), so the operation turns a MISS
 * into the backend's own answer, read atomically under the backend's tree lock and without touching
 * the cache: a MISS can then never fail the check, while every HIT and every ABSENT must be the
 * tree's state at some instant within the call. The specification is a separate class rather than
 * the test run sequentially, so that a bug that shows without any concurrency (a HIT left behind by
 * a delete) fails as well.
 *
 * <p>Where a mutation's outcome depends on two separate reads (a rename whose source is absent or
 * whose target exists, read one after the other as {@code Mover} and the JDK do), the result is one
 * word, {@code failed}, which is then true at the instant of the second read.
 *
 * <p>Caffeine's maintenance runs on the calling thread, passed explicitly through the cache's test
 * constructor, and its clock is a fixed ticker: the model checker must control every thread and
 * replay every run exactly.
 */
@Param(name = DentryCacheLincheckTest.LOC, gen = IntGen.class, conf = "0:2")
public class DentryCacheLincheckTest {
  static final String LOC = "location";

  static final String ABSENT = "absent";
  static final String PRESENT = "present";
  static final String DONE = "done";
  static final String EXISTS = "exists";
  static final String FAILED = "failed";

  private static final Name A = Name.of("a");
  private static final Name B = Name.of("b");

  private static final OpenFlags CREATE_NEW =
      OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
  private static final OpenFlags APPEND =
      OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND));

  private final Backend backend =
      MemoryBackend.builder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).build();
  private final DentryCache cache = new DentryCache(true, 100, 100, () -> 0L, Runnable::run);
  private final Mount mount = new Mount("/", backend, CoherencePolicy.PRIVATE, cache.newId());
  private final FrontCache front = new FrontCache(64, () -> 0L);
  private static final String[] PATHS = {"/a", "/b", "/d/a"};
  private final Dentry dir;

  public DentryCacheLincheckTest() {
    DentryCache.Mutation m = cache.begin(mount.root, Name.of("d"));
    NodeInfo d =
        backend.createDirectory(mount.root.node, Name.of("d"), null).toCompletableFuture().join();
    dir = cache.added(m, d);
  }

  private Dentry dirOf(int loc) {
    return loc == 2 ? dir : mount.root;
  }

  private static Name nameOf(int loc) {
    return loc == 1 ? B : A;
  }

  @Operation
  public String load(@Param(name = LOC) int loc) {
    Dentry parent = dirOf(loc);
    Name name = nameOf(loc);
    Object answer = cache.load(parent, name, () -> backend.lookup(parent.node, name)).join();
    return answer == DentryCache.ABSENT ? ABSENT : PRESENT;
  }

  /** A HIT as its size, ABSENT, or on a MISS the backend's answer; see the class comment. */
  @Operation
  public String lookupNow(@Param(name = LOC) int loc) {
    String path = PATHS[loc];
    LookupResult fast = front.get(path, true);
    if (fast != null) {
      NodeAttributes a = fast.attributes();
      return a == null ? ABSENT : Spec.size(Sizes.of(a));
    }
    Dentry parent = dirOf(loc);
    Name name = nameOf(loc);
    Footprint footprint = new Footprint();
    Object answer = cache.peek(parent, name, footprint);
    if (answer == DentryCache.ABSENT) {
      front.offer(path, true, LookupResult.absent(), footprint);
      return ABSENT;
    }
    if (answer instanceof Dentry d) {
      NodeAttributes attributes = cache.peekAttributes(mount, d.node, footprint);
      if (attributes != null) {
        front.offer(path, true, LookupResult.hit(attributes), footprint);
        return Spec.size(Sizes.of(attributes));
      }
    }
    NodeInfo info = backend.lookup(parent.node, name).toCompletableFuture().join();
    return info == null ? ABSENT : Spec.size(Sizes.of(info.attributes()));
  }

  /**
   * Resolves through the cache (peek, else load) and reads the attributes as {@code VfsCore.stat}
   * does: cached, else from the backend and cached under the epoch read before the call. Unlike
   * {@link #lookupNow} it sees a positive dentry left behind without attributes.
   */
  @Operation
  public String stat(@Param(name = LOC) int loc) {
    Dentry parent = dirOf(loc);
    Name name = nameOf(loc);
    Object answer = resolve(parent, name);
    if (answer == DentryCache.ABSENT) {
      return ABSENT;
    }
    Dentry d = (Dentry) answer;
    NodeAttributes cached = cache.peekAttributes(mount, d.node);
    if (cached != null) {
      return Spec.size(Sizes.of(cached));
    }
    long epoch = cache.attributeEpoch();
    CompletableFuture<NodeAttributes> fetched = backend.attributes(d.node).toCompletableFuture();
    if (errno(fetched) == Errno.ENOENT) {
      // The file was deleted after the name resolved: absent now, as VfsCore.stat reports it.
      return ABSENT;
    }
    NodeAttributes loaded = fetched.join();
    cache.putAttributes(mount, d.node, loaded, epoch);
    return Spec.size(Sizes.of(loaded));
  }

  /** Creates an empty file, as {@code FileOps.open} with CREATE_NEW. */
  @Operation
  public String create(@Param(name = LOC) int loc) {
    Dentry parent = dirOf(loc);
    Name name = nameOf(loc);
    DentryCache.Mutation m = cache.begin(parent, name);
    CompletableFuture<Backend.Opened> opened =
        backend.open(parent.node, name, CREATE_NEW, null).toCompletableFuture();
    if (errno(opened) == Errno.EEXIST) {
      cache.abandon(m);
      return EXISTS;
    }
    cache.added(m, opened.join().info());
    opened.join().file().close().toCompletableFuture().join();
    return DONE;
  }

  /** Appends a byte to an existing file, then invalidates its attributes, as {@code VfsFile}. */
  @Operation
  public String append(@Param(name = LOC) int loc) {
    Dentry parent = dirOf(loc);
    Name name = nameOf(loc);
    CompletableFuture<Backend.Opened> opened =
        backend.open(parent.node, name, APPEND, null).toCompletableFuture();
    if (errno(opened) == Errno.ENOENT) {
      return ABSENT;
    }
    Backend.Opened o = opened.join();
    o.file().write(ByteBuffer.wrap(new byte[] {'x'}), 0).toCompletableFuture().join();
    cache.invalidateAttributes(mount, o.info().node());
    o.file().close().toCompletableFuture().join();
    return DONE;
  }

  /** Deletes a file, as {@code TreeOps.delete}: resolve, begin, remove, record. */
  @Operation
  public String delete(@Param(name = LOC) int loc) {
    Dentry parent = dirOf(loc);
    Name name = nameOf(loc);
    NodeInfo entry = backend.lookup(parent.node, name).toCompletableFuture().join();
    if (entry == null) {
      return ABSENT;
    }
    DentryCache.Mutation m = cache.begin(parent, name);
    if (errno(backend.remove(parent.node, name, false)) == Errno.ENOENT) {
      cache.abandon(m);
      cache.forget(parent, name);
      return ABSENT;
    }
    cache.removed(m, entry.node());
    return DONE;
  }

  /**
   * Renames without replacing, as {@code Mover}: resolve both names through the cache (as its walk
   * does), begin, rename, record.
   */
  @Operation
  public String rename(@Param(name = LOC) int from, @Param(name = LOC) int to) {
    Dentry fromDir = dirOf(from);
    Name fromName = nameOf(from);
    Dentry toDir = dirOf(to);
    Name toName = nameOf(to);
    Object source = resolve(fromDir, fromName);
    if (source == DentryCache.ABSENT) {
      return FAILED;
    }
    if (from == to) {
      return DONE;
    }
    if (resolve(toDir, toName) != DentryCache.ABSENT) {
      return FAILED;
    }
    DentryCache.Mutation m = cache.beginRename(fromDir, fromName, toDir, toName, (Dentry) source);
    Errno errno = errno(backend.rename(fromDir.node, fromName, toDir.node, toName, false));
    if (errno == Errno.ENOENT) {
      cache.abandon(m);
      cache.forget(fromDir, fromName);
      return FAILED;
    }
    if (errno == Errno.EEXIST) {
      cache.abandon(m);
      return FAILED;
    }
    cache.renamed(m, (Dentry) source, null, true);
    return DONE;
  }

  /** Resolves a name as the walk does: the cached answer, else a load. */
  private Object resolve(Dentry parent, Name name) {
    Object answer = cache.peek(parent, name);
    return answer != null
        ? answer
        : cache.load(parent, name, () -> backend.lookup(parent.node, name)).join();
  }

  /** Forgets a name, as the VFS does after a mutation whose outcome it cannot tell. */
  @Operation
  public void forget(@Param(name = LOC) int loc) {
    cache.forget(dirOf(loc), nameOf(loc));
  }

  /** Drops the mount's whole cache, as a watching backend's overflow report does. */
  @Operation
  public void dropMount() {
    cache.invalidateMount(mount);
  }

  /**
   * Creates a file behind the cache's back, then forgets the name and the directory's attributes,
   * as a watching backend's report of one changed name does ({@link MountInvalidations#changed}).
   * Not an {@link Operation}: between the change and its report the cache may serve the old state
   * after a load saw the new one, which the design allows ("never stale for longer than the policy
   * says"), so this runs only in {@link #RACES}, which read the result after the report.
   */
  public String createOutside(int loc) {
    Dentry parent = dirOf(loc);
    Name name = nameOf(loc);
    CompletableFuture<Backend.Opened> opened =
        backend.open(parent.node, name, CREATE_NEW, null).toCompletableFuture();
    if (errno(opened) == Errno.EEXIST) {
      return EXISTS;
    }
    opened.join().file().close().toCompletableFuture().join();
    cache.invalidateAttributes(mount, parent.node);
    cache.forget(parent, name);
    return DONE;
  }

  /**
   * Deletes a file behind the cache's back, then drops the mount's cache, as a watching backend's
   * overflow report does ({@link MountInvalidations#overflow}). Only in {@link #RACES}, as {@link
   * #createOutside}.
   */
  public String deleteOutside(int loc) {
    Dentry parent = dirOf(loc);
    Name name = nameOf(loc);
    if (errno(backend.remove(parent.node, name, false)) == Errno.ENOENT) {
      return ABSENT;
    }
    cache.invalidateMount(mount);
    return DONE;
  }

  /** Returns the errno a complete stage failed with, or null if it succeeded. */
  private static @Nullable Errno errno(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().join();
      return null;
    } catch (CompletionException e) {
      Errno errno = Errors.errnoOf(e);
      if (errno == null) {
        throw e;
      }
      return errno;
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
            .iterations(5)
            .invocationsPerIteration(100)
            .addGuarantee(forClasses(Sizes.class.getName()).allMethods().ignore())
            // Caffeine checks its own caches with Lincheck, and the memory backend runs every call
            // under its tree lock: each call is one atomic step, and the model checker spends its
            // switches on the cache's own protocol instead of inside them.
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
   * The races the design names, each followed by reads of the locations involved. Random scenarios
   * meet them only now and then; the model checker tries every interleaving of these.
   */
  private static final List<ExecutionScenario> RACES =
      List.of(
          // A load that read "present" before a delete must not insert after it.
          race(
              List.of(actor("create", 0), actor("load", 0)),
              List.of(actor("delete", 0)),
              List.of(actor("load", 0), actor("lookupNow", 0))),
          // A load that read "absent" before a create must not insert after it.
          race(
              List.of(actor("load", 0)),
              List.of(actor("create", 0)),
              List.of(actor("load", 0), actor("lookupNow", 0))),
          // A rename across directories, against a load of the target.
          race(
              List.of(actor("create", 0), actor("load", 2)),
              List.of(actor("rename", 0, 2)),
              List.of(actor("load", 2), actor("lookupNow", 2))),
          // Attributes read before an append must not be cached after its invalidation.
          race(
              List.of(actor("create", 0), actor("load", 0)),
              List.of(actor("append", 0)),
              List.of(actor("load", 0), actor("lookupNow", 0))),
          // Two mutations of one name: the one whose cache update comes second must not assert its
          // own answer if the other's backend call may have come after its own.
          race(List.of(), List.of(actor("create", 0)), List.of(actor("delete", 0))),
          race(
              List.of(actor("create", 0)),
              List.of(actor("delete", 0)),
              List.of(actor("create", 0))),
          race(
              List.of(actor("create", 0)),
              List.of(actor("rename", 0, 2)),
              List.of(actor("create", 0))),
          // The source is replaced between the rename's resolution and its backend call.
          race(
              List.of(actor("create", 0), actor("append", 0)),
              List.of(actor("rename", 0, 2)),
              List.of(actor("delete", 0), actor("create", 0))),
          // An answer in the front cache, against a delete (pending, then removed), an append
          // (attributes invalidated) and a mount drop.
          race(
              List.of(actor("create", 0), actor("load", 0), actor("lookupNow", 0)),
              List.of(actor("lookupNow", 0), actor("lookupNow", 0)),
              List.of(actor("delete", 0))),
          race(
              List.of(actor("create", 0), actor("load", 0), actor("lookupNow", 0)),
              List.of(actor("lookupNow", 0), actor("lookupNow", 0)),
              List.of(actor("append", 0))),
          race(
              List.of(actor("load", 1), actor("lookupNow", 1), actor("lookupNow", 1)),
              List.of(actor("lookupNow", 1)),
              List.of(actor("dropMount"), actor("create", 1))),
          // A negative's second use promotes it from probation, against a create of the name.
          race(
              List.of(actor("load", 0)),
              List.of(actor("lookupNow", 0), actor("lookupNow", 0)),
              List.of(actor("create", 0))),
          // Changes behind the cache's back, read once reported (see createOutside).
          race(
              List.of(actor("load", 0)),
              List.of(actor("createOutside", 0)),
              List.of(actor("load", 0))),
          race(
              List.of(actor("create", 0), actor("load", 0)),
              List.of(actor("deleteOutside", 0)),
              List.of(actor("load", 0))));

  /**
   * Returns a scenario: {@code init}, then two threads, then a lookupNow and a stat of both
   * locations the races use.
   */
  private static ExecutionScenario race(List<Actor> init, List<Actor> first, List<Actor> second) {
    List<Actor> after =
        List.of(actor("lookupNow", 0), actor("stat", 0), actor("lookupNow", 2), actor("stat", 2));
    return new ExecutionScenario(init, List.of(first, second), after, null);
  }

  private static Actor actor(String operation, Object... args) {
    for (Method m : DentryCacheLincheckTest.class.getMethods()) {
      if (m.getName().equals(operation) && m.getDeclaringClass() == DentryCacheLincheckTest.class) {
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
    static long of(NodeAttributes attributes) {
      return attributes.size();
    }
  }

  /**
   * The sequential specification: three locations, each absent or a file of some size. Loads and
   * nonblocking lookups report the truth; forgetting and dropping cached answers change nothing; a
   * change behind the cache's back is a change like any other.
   */
  public static final class Spec {
    private final long[] sizes = {-1, -1, -1};

    static String size(long size) {
      return "size=" + size;
    }

    public String load(int loc) {
      return sizes[loc] < 0 ? ABSENT : PRESENT;
    }

    public String lookupNow(int loc) {
      return sizes[loc] < 0 ? ABSENT : size(sizes[loc]);
    }

    public String stat(int loc) {
      return lookupNow(loc);
    }

    public String create(int loc) {
      if (sizes[loc] >= 0) {
        return EXISTS;
      }
      sizes[loc] = 0;
      return DONE;
    }

    public String append(int loc) {
      if (sizes[loc] < 0) {
        return ABSENT;
      }
      sizes[loc]++;
      return DONE;
    }

    public String delete(int loc) {
      if (sizes[loc] < 0) {
        return ABSENT;
      }
      sizes[loc] = -1;
      return DONE;
    }

    public String rename(int from, int to) {
      if (sizes[from] < 0 || (from != to && sizes[to] >= 0)) {
        return FAILED;
      }
      long size = sizes[from];
      sizes[from] = -1;
      sizes[to] = size;
      return DONE;
    }

    public void forget(int loc) {}

    public void dropMount() {}

    public String createOutside(int loc) {
      return create(loc);
    }

    public String deleteOutside(int loc) {
      return delete(loc);
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
