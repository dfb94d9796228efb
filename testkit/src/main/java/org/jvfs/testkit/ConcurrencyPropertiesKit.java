package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;
import org.jvfs.LookupResult.Status;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Capability;
import org.jvfs.testkit.property.Coverage;
import org.jvfs.testkit.property.Gen;
import org.jvfs.testkit.property.Property;

/**
 * Concurrent chains on one caching {@link Vfs} over a backend from {@link #newBackend()}: two to
 * four threads each run a random chain in a directory of their own and in a shared one (renames of
 * shared directories, creates and deletes of shared names, lookups racing them). After they joined,
 * the cache agrees with the backend, nothing is open or pending, and every short path looks the
 * same through the cached Vfs and through an uncached one on the same backend. A second property
 * races creates and deletes of {@code /x} against lookups of it, for the per-directory generation
 * guard. Two more race a thread that lists a directory against another that adds names to it or
 * takes names out of it: a name a listing showed is never reported absent, and a name it no longer
 * showed is never found, as on any real file system.
 *
 * <p>Thread scheduling is not reproducible, so a seed ({@code -Djvfs.seed=...}) replays the chains,
 * not the interleaving, and shrinking may stop early; a failure that does not come back is still a
 * real race.
 */
public abstract class ConcurrencyPropertiesKit {

  /** For subclasses. */
  protected ConcurrencyPropertiesKit() {}

  /**
   * Makes the backend of one try, empty. Both the cached and the uncached Vfs of the try mount it,
   * so its {@link Backend#close()} is called twice and must be idempotent.
   */
  protected abstract Backend newBackend() throws Exception;

  /**
   * Releases what {@link #newBackend()} made besides the backend, after both Vfs instances over it
   * were closed (and so the backend too). Does nothing by default.
   */
  protected void releaseBackend(Backend backend) throws Exception {}

  private static Vfs cached(Backend backend) throws IOException {
    return Vfs.builder().mount("/", backend).build();
  }

  private static Vfs uncached(Backend backend) throws IOException {
    return Vfs.builder().caching(false).mount("/", backend).build();
  }

  /** Returns how many tries each property makes: {@code base} by default. */
  protected int tries(int base) {
    return base;
  }

  /**
   * Two to four chains of 10 to 30 operations, each in a directory of its own and in {@code /s}.
   */
  static Gen<List<List<FsOp>>> threadChains() {
    return Gen.ints(2, 4)
        .flatMap(
            n -> {
              List<Gen<List<FsOp>>> chains = new ArrayList<>();
              for (int t = 0; t < n; t++) {
                Gen<String> paths =
                    Gen.oneOf(FsOpGen.simplePaths("/t" + t), FsOpGen.simplePaths("/s"));
                chains.add(FsOpGen.ops(paths, paths).list(10, 30));
              }
              return Gen.sequence(chains);
            });
  }

  /** Returns the chains as code, one list per thread. */
  static String code(List<List<FsOp>> chains) {
    StringBuilder b = new StringBuilder();
    for (int t = 0; t < chains.size(); t++) {
      b.append(t == 0 ? "" : ",\n").append("List.of( // thread ").append(t);
      List<FsOp> chain = chains.get(t);
      for (int i = 0; i < chain.size(); i++) {
        b.append("\n    ").append(chain.get(i).code()).append(i + 1 < chain.size() ? "," : "");
      }
      b.append(")");
    }
    return b.toString();
  }

  /**
   * After concurrent chains joined, the cache agrees with the backend and with an uncached Vfs (40
   * tries); requires that some mutation succeeded in more than 80% of them.
   */
  @Test
  public void concurrentChains_leaveCacheAndBackendInAgreement() {
    Property.forAll(threadChains())
        .tries(tries(40))
        .describe(ConcurrencyPropertiesKit::code)
        .named(getClass().getSimpleName() + "#concurrentChains_leaveCacheAndBackendInAgreement")
        .require(Coverage.inMoreThan(80, "mutations succeeded"))
        .check(this::concurrentChains);
  }

  private void concurrentChains(List<List<FsOp>> chains) throws Exception {
    Backend backend = newBackend();
    try (backend;
        Vfs vfs = cached(backend);
        Vfs truth = uncached(backend)) {
      vfs.createDirectories("/s").join();
      for (int t = 0; t < chains.size(); t++) {
        vfs.createDirectories("/t" + t).join();
      }
      CountDownLatch go = new CountDownLatch(1);
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      AtomicInteger succeeded = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (List<FsOp> chain : chains) {
        Thread th =
            new Thread(
                () -> {
                  try {
                    go.await();
                    for (FsOp op : chain) {
                      if (op.on(vfs).isSuccess() && op.mutates()) {
                        succeeded.incrementAndGet();
                      }
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                });
        th.start();
        threads.add(th);
      }
      go.countDown();
      for (Thread th : threads) {
        th.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(th.isAlive()).as("a chain hung").isFalse();
      }
      assertThat(errors).isEmpty();
      if (succeeded.get() > 0) {
        Coverage.record("mutations succeeded");
      }

      assertThat(vfs.verifyCache()).isEmpty();
      assertThat(vfs.openFileCount()).isZero();
      assertThat(vfs.pendingOperations()).isZero();
      List<String> probes = new ArrayList<>(TreeSnapshot.paths("/s", List.of("a", "b", "c"), 3));
      for (int t = 0; t < chains.size(); t++) {
        probes.addAll(TreeSnapshot.paths("/t" + t, List.of("a", "b", "c"), 3));
      }
      assertThat(TreeSnapshot.of(vfs, probes)).isEqualTo(TreeSnapshot.of(truth, probes));
    } finally {
      releaseBackend(backend);
    }
  }

  /**
   * Lookups of {@code /x} racing 100 to 400 rounds of its create and delete leave no stale answer
   * in the cache (20 tries).
   */
  @Test
  public void lookupsRacingCreateAndDelete_leaveNoStaleAnswer() {
    Property.forAll(Gen.combine(Gen.ints(100, 400), Gen.booleans(), Race::new))
        .tries(tries(20))
        .named(getClass().getSimpleName() + "#lookupsRacingCreateAndDelete_leaveNoStaleAnswer")
        .check(r -> race(r.rounds(), r.endWithFile()));
  }

  /** How a name comes into {@code /d} in {@link #listThenOpen_racingCreates_neverMissesAName}. */
  enum Arrival {
    FILE,
    DIRECTORY,
    SYMBOLIC_LINK,
    HARD_LINK,
    MOVED_IN
  }

  /** How a name leaves {@code /d} in {@link #listThenLookUp_racingRemoves_neverFindsAGoneName}. */
  enum Departure {
    FILE_DELETED,
    DIRECTORY_DELETED,
    MOVED_OUT
  }

  /**
   * One thread brings 100 to 300 names into {@code /d} (files made with CREATE_NEW, directories,
   * symbolic links, hard links, renames from elsewhere) while another lists {@code /d} and, for
   * every listed name, looks it up, asks {@code lookupNow}, and opens it (a file) or lists it (a
   * directory). Nothing is ever deleted, so a name a listing showed never fails with
   * NoSuchFileException, never looks up ABSENT (20 tries).
   */
  @Test
  public void listThenOpen_racingCreates_neverMissesAName() {
    Property.forAll(Gen.of(Arrival.values()).list(100, 300))
        .tries(tries(20))
        .named(getClass().getSimpleName() + "#listThenOpen_racingCreates_neverMissesAName")
        .require(Coverage.tried("a listed name was checked while creates went on"))
        .check(this::listThenOpen);
  }

  private void listThenOpen(List<Arrival> arrivals) throws Exception {
    Backend backend = newBackend();
    try (backend;
        Vfs vfs = cached(backend)) {
      boolean symlinks = backend.capabilities().contains(Capability.SYMBOLIC_LINKS);
      boolean hardLinks = backend.capabilities().contains(Capability.HARD_LINKS);
      vfs.createDirectories("/d").join();
      vfs.createDirectories("/src").join();
      vfs.write("/src/target", new byte[] {7}).join();
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger checkedDuring = new AtomicInteger();
      CountDownLatch listing = new CountDownLatch(1);
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      Thread lister =
          new Thread(
              () -> {
                try {
                  boolean last = false;
                  while (!last) {
                    last = done.get();
                    List<String> names = vfs.list("/d").get(10, TimeUnit.SECONDS);
                    listing.countDown();
                    for (String name : names) {
                      checkListed(vfs, "/d/" + name, errors);
                      if (!last) {
                        checkedDuring.incrementAndGet();
                      }
                    }
                  }
                } catch (Throwable e) {
                  errors.add("lister: " + e);
                } finally {
                  listing.countDown();
                }
              });
      lister.start();
      listing.await();
      for (int i = 0; i < arrivals.size(); i++) {
        String path = "/d/n" + i;
        switch (arrivals.get(i)) {
          case FILE -> vfs.write(path, new byte[] {1}, StandardOpenOption.CREATE_NEW).join();
          case DIRECTORY -> vfs.createDirectory(path).join();
          case SYMBOLIC_LINK -> {
            if (symlinks) {
              vfs.createSymbolicLink(path, "/src/target").join();
            } else {
              vfs.createDirectory(path).join();
            }
          }
          case HARD_LINK -> {
            if (hardLinks) {
              vfs.createLink(path, "/src/target").join();
            } else {
              vfs.write(path, new byte[] {1}, StandardOpenOption.CREATE_NEW).join();
            }
          }
          case MOVED_IN -> {
            vfs.write("/src/m" + i, new byte[] {2}).join();
            vfs.move("/src/m" + i, path).join();
          }
        }
      }
      done.set(true);
      lister.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(lister.isAlive()).as("the lister hung").isFalse();
      assertThat(errors).as("listed names that the VFS then missed").isEmpty();
      if (checkedDuring.get() > 0) {
        Coverage.record("a listed name was checked while creates went on");
      }
      assertThat(vfs.openFileCount()).isZero();
    } finally {
      releaseBackend(backend);
    }
  }

  /** Checks one name a listing showed: it exists for every way of asking. */
  private static void checkListed(Vfs vfs, String path, Queue<String> errors) throws Exception {
    if (vfs.lookupNow(path, LinkOption.NOFOLLOW_LINKS).status() == Status.ABSENT) {
      errors.add(path + ": lookupNow ABSENT after a listing showed it");
    }
    LookupResult r = vfs.lookup(path, LinkOption.NOFOLLOW_LINKS).get(10, TimeUnit.SECONDS);
    if (!r.isHit()) {
      errors.add(path + ": lookup " + r.status() + " after a listing showed it");
      return;
    }
    try {
      if (r.attributes().isDirectory()) {
        vfs.list(path).get(10, TimeUnit.SECONDS);
      } else {
        vfs.open(path).thenCompose(f -> f.close()).get(10, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        errors.add(path + ": " + e.getCause() + " after a listing showed it");
      } else {
        throw e;
      }
    }
  }

  /**
   * The mirror image of {@link #listThenOpen_racingCreates_neverMissesAName}: 100 to 300 cached
   * names leave {@code /d} (deleted files, deleted directories, renames elsewhere) while another
   * thread lists {@code /d}; a name that a listing no longer shows is never found again by {@code
   * lookup} or {@code lookupNow}, since nothing comes back (20 tries).
   */
  @Test
  public void listThenLookUp_racingRemoves_neverFindsAGoneName() {
    Property.forAll(Gen.of(Departure.values()).list(100, 300))
        .tries(tries(20))
        .named(getClass().getSimpleName() + "#listThenLookUp_racingRemoves_neverFindsAGoneName")
        .require(Coverage.tried("a name gone from a listing was checked"))
        .check(this::listThenLookUp);
  }

  private void listThenLookUp(List<Departure> departures) throws Exception {
    Backend backend = newBackend();
    try (backend;
        Vfs vfs = cached(backend)) {
      vfs.createDirectories("/d").join();
      vfs.createDirectories("/elsewhere").join();
      for (int i = 0; i < departures.size(); i++) {
        String path = "/d/n" + i;
        if (departures.get(i) == Departure.DIRECTORY_DELETED) {
          vfs.createDirectory(path).join();
        } else {
          vfs.write(path, new byte[] {1}).join();
        }
        vfs.lookup(path, LinkOption.NOFOLLOW_LINKS).join();
      }
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger checked = new AtomicInteger();
      CountDownLatch listing = new CountDownLatch(1);
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      Thread lister =
          new Thread(
              () -> {
                try {
                  Set<String> before = new HashSet<>(vfs.list("/d").get(10, TimeUnit.SECONDS));
                  listing.countDown();
                  boolean last = false;
                  while (!last) {
                    last = done.get();
                    Set<String> now = new HashSet<>(vfs.list("/d").get(10, TimeUnit.SECONDS));
                    for (String gone : before) {
                      if (!now.contains(gone)) {
                        checkGone(vfs, "/d/" + gone, errors);
                        checked.incrementAndGet();
                      }
                    }
                    before = now;
                  }
                } catch (Throwable e) {
                  errors.add("lister: " + e);
                } finally {
                  listing.countDown();
                }
              });
      lister.start();
      listing.await();
      for (int i = 0; i < departures.size(); i++) {
        String path = "/d/n" + i;
        switch (departures.get(i)) {
          case FILE_DELETED, DIRECTORY_DELETED -> vfs.delete(path).join();
          case MOVED_OUT -> vfs.move(path, "/elsewhere/n" + i).join();
        }
      }
      done.set(true);
      lister.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(lister.isAlive()).as("the lister hung").isFalse();
      assertThat(errors).as("names gone from a listing that the VFS then found").isEmpty();
      if (checked.get() > 0) {
        Coverage.record("a name gone from a listing was checked");
      }
    } finally {
      releaseBackend(backend);
    }
  }

  /** Checks one name a listing no longer showed: it is absent for every way of asking. */
  private static void checkGone(Vfs vfs, String path, Queue<String> errors) throws Exception {
    if (vfs.lookupNow(path, LinkOption.NOFOLLOW_LINKS).status() == Status.HIT) {
      errors.add(path + ": lookupNow HIT after a listing no longer showed it");
    }
    LookupResult r = vfs.lookup(path, LinkOption.NOFOLLOW_LINKS).get(10, TimeUnit.SECONDS);
    if (r.isHit()) {
      errors.add(path + ": lookup HIT after a listing no longer showed it");
    }
  }

  /** One race: how many create/delete rounds, and whether a file is left at the end. */
  record Race(int rounds, boolean endWithFile) {}

  private void race(int rounds, boolean endWithFile) throws Exception {
    Backend backend = newBackend();
    try (backend;
        Vfs vfs = cached(backend);
        Vfs truth = uncached(backend)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger lookups = new AtomicInteger();
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      Thread looker =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    vfs.lookup("/x").get(10, TimeUnit.SECONDS);
                    lookups.incrementAndGet();
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      looker.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (lookups.get() == 0 && errors.isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      for (int i = 0; i < rounds; i++) {
        vfs.write("/x", new byte[] {1}).get(10, TimeUnit.SECONDS);
        vfs.delete("/x").get(10, TimeUnit.SECONDS);
      }
      if (endWithFile) {
        vfs.write("/x", new byte[] {1, 2}).get(10, TimeUnit.SECONDS);
      }
      stop.set(true);
      looker.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(errors).isEmpty();
      assertThat(lookups.get()).isPositive();

      LookupResult now = vfs.lookupNow("/x");
      boolean exists = truth.lookup("/x").get(10, TimeUnit.SECONDS).isHit();
      assertThat(exists).isEqualTo(endWithFile);
      if (now.status() == Status.HIT) {
        assertThat(exists).as("lookupNow says HIT").isTrue();
        assertThat(now.attributes().size()).isEqualTo(2);
      } else if (now.status() == Status.ABSENT) {
        assertThat(exists).as("lookupNow says ABSENT").isFalse();
      }
      Coverage.record("lookupNow " + now.status());
      CompletableFuture<LookupResult> later = vfs.lookup("/x");
      assertThat(later.get(10, TimeUnit.SECONDS).isHit()).isEqualTo(exists);
      assertThat(vfs.verifyCache()).isEmpty();
      assertThat(vfs.pendingOperations()).isZero();
    } finally {
      releaseBackend(backend);
    }
  }
}
