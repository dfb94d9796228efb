package org.jvfs.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;
import org.jvfs.testkit.FsOp;
import org.jvfs.testkit.FsOpGen;
import org.jvfs.testkit.Outcome;
import org.jvfs.testkit.ReferenceModel;

/** Stateful properties: chains, invariants, teardown, and a planted bug found and shrunk. */
class ChainPropertyTest {

  /**
   * A memory backend with a planted bug: its third rename that replaces an existing file says it
   * succeeded and does nothing.
   */
  static final class LosesThirdReplacingRename extends ForwardingBackend {
    private final Backend delegate = MemoryBackend.create();
    private int replacing;

    @Override
    protected Backend delegate() {
      return delegate;
    }

    @Override
    public CompletionStage<Void> rename(
        Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
      NodeInfo target = delegate.lookup(toDir, toName).toCompletableFuture().join();
      if (replace && target != null && target.kind() == NodeKind.FILE && ++replacing == 3) {
        return CompletableFuture.completedFuture(null);
      }
      return delegate.rename(fromDir, fromName, toDir, toName, replace);
    }
  }

  /** A Vfs over the buggy backend and the model, both starting with nine files in three dirs. */
  static final class Twin {
    final Vfs vfs;
    final ReferenceModel model = new ReferenceModel();

    Twin() {
      try {
        vfs = Vfs.builder().mount("/", new LosesThirdReplacingRename()).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String dir : List.of("a", "b", "c")) {
        step(new FsOp.Mkdir("/" + dir));
        for (String file : List.of("a", "b", "c")) {
          step(new FsOp.Write("/" + dir + "/" + file, new byte[] {'x'}));
        }
      }
    }

    void step(FsOp op) {
      Outcome expected = op.on(model);
      assertThat(op.on(vfs)).as("%s", op).isEqualTo(expected);
    }

    void agree() {
      assertThat(vfs.verifyCache()).as("verifyCache").isEmpty();
    }
  }

  private static ChainProperty<Twin, FsOp> plantedBugProperty() {
    Gen<String> paths = Gen.combine(FsOpGen.names(), FsOpGen.names(), (d, f) -> "/" + d + "/" + f);
    return Property.chains(Twin::new, FsOpGen.ops(paths, paths), Twin::step)
        .invariant(Twin::agree)
        .teardown(t -> t.vfs.close())
        .describe(FsOp::code)
        .tries(300);
  }

  private static List<String> actions(String shrunkCase) {
    List<String> out = new ArrayList<>();
    for (String line : shrunkCase.split("\n")) {
      if (line.startsWith("new FsOp.")) {
        out.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
      }
    }
    return out;
  }

  @Test
  void check_plantedBug_isFoundAndShrunkToThreeRenames() {
    PropertyFailure f = catchThrowableOfType(PropertyFailure.class, plantedBugProperty()::check);

    assertThat(f).as("the planted bug was not found").isNotNull();
    List<String> chain = actions(f.shrunkCase().orElseThrow());
    assertThat(chain).hasSizeLessThanOrEqualTo(3);
    assertThat(chain)
        .allSatisfy(a -> assertThat(a).startsWith("new FsOp.Rename(").endsWith(", true)"));
    assertThat(f.getMessage()).contains(String.join(",\n    ", chain));
  }

  @Test
  void check_plantedBug_replayOfThePrintedSeedGivesTheSameChain() {
    PropertyFailure first =
        catchThrowableOfType(PropertyFailure.class, plantedBugProperty()::check);
    Matcher m = Pattern.compile("-Djvfs\\.seed=(-?\\d+)").matcher(first.getMessage());
    assertThat(m.find()).isTrue();
    long printed = Long.parseLong(m.group(1));

    PropertyFailure again =
        catchThrowableOfType(
            PropertyFailure.class, plantedBugProperty().seed(printed).tries(1)::check);
    assertThat(again.shrunkCase()).isEqualTo(first.shrunkCase());
    assertThat(again.getMessage()).contains("failed on try 1 of 1");
  }

  @Test
  void check_generatedChains_haveMaxActions_andRunTheInvariantAfterEach() {
    List<Integer> lengths = new ArrayList<>();
    AtomicInteger invariants = new AtomicInteger();
    AtomicInteger teardowns = new AtomicInteger();
    Property.chains(ArrayList<Integer>::new, Gen.ints(0, 9), List::add)
        .maxActions(7)
        .invariant(l -> invariants.incrementAndGet())
        .teardown(
            l -> {
              lengths.add(l.size());
              teardowns.incrementAndGet();
            })
        .tries(20)
        .check();
    assertThat(lengths).hasSize(20).containsOnly(7);
    assertThat(invariants).hasValue(140);
    assertThat(teardowns).hasValue(20);
  }

  @Test
  void check_failingChain_isTornDownAfterEveryRun_andReportsTheFailingAction() {
    AtomicInteger setups = new AtomicInteger();
    AtomicInteger teardowns = new AtomicInteger();
    PropertyFailure f =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.chains(
                        () -> {
                          setups.incrementAndGet();
                          return new ArrayList<Integer>();
                        },
                        Gen.ints(0, 99),
                        (List<Integer> l, Integer v) -> {
                          l.add(v);
                          assertThat(v).isNotEqualTo(42);
                        })
                    .teardown(l -> teardowns.incrementAndGet())
                    .describe(v -> "add(" + v + ")")
                    .tries(500)
                    .check());
    assertThat(setups.get()).isEqualTo(teardowns.get()).isGreaterThan(1);
    assertThat(f.shrunkCase()).hasValue("add(42)\n// 1 action; the last failed");
  }

  @Test
  void check_invariantFailure_isShrunkToTheActionsItNeeds() {
    PropertyFailure f =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.chains(ArrayList<String>::new, Gen.of("a", "b", "c"), List::add)
                    .invariant(
                        l -> assertThat(l.stream().filter("c"::equals).count()).isLessThan(2))
                    .describe(s -> "\"" + s + "\"")
                    .tries(50)
                    .check());
    assertThat(f.shrunkCase()).hasValue("\"c\",\n\"c\"\n// 2 actions; the last failed");
  }

  @Test
  void chainsByState_drawsEachActionFromTheState() {
    List<List<Integer>> finals = new ArrayList<>();
    Property.chainsByState(
            ArrayList<Integer>::new,
            (List<Integer> l) -> Gen.ints(l.size(), l.size()),
            (List<Integer> l, Integer v) -> l.add(v))
        .maxActions(4)
        .teardown(finals::add)
        .tries(3)
        .check();
    assertThat(finals).containsOnly(List.of(0, 1, 2, 3));
  }
}
