package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvfs.ChangeListener;
import org.jvfs.Vfs;

class ChangeListenersTest {

  @Test
  void fire_splitsDirectoryAndName_skipsDotsAndRoot() {
    ChangeListeners listeners = new ChangeListeners();
    List<String> seen = new ArrayList<>();
    listeners.add((k, dir, name) -> seen.add(k + " " + dir + " " + name));
    listeners.fire(ChangeListener.Kind.CREATE, "/a/b/");
    listeners.fire(ChangeListener.Kind.DELETE, "/top");
    listeners.fire(ChangeListener.Kind.MODIFY, "rel/x");
    listeners.fire(ChangeListener.Kind.MODIFY, "/a/..");
    listeners.fire(ChangeListener.Kind.MODIFY, "/");
    assertThat(seen).containsExactly("CREATE /a b", "DELETE / top", "MODIFY /rel x");
  }

  @Test
  void throwingListener_ignored_removedListenerSilent() {
    ChangeListeners listeners = new ChangeListeners();
    List<String> seen = new ArrayList<>();
    ChangeListener bad =
        (k, d, n) -> {
          throw new IllegalStateException("boom");
        };
    ChangeListener good = (k, d, n) -> seen.add(n);
    listeners.add(bad);
    listeners.add(good);
    listeners.fire(ChangeListener.Kind.CREATE, "/x");
    listeners.remove(good);
    listeners.fire(ChangeListener.Kind.CREATE, "/y");
    assertThat(seen).containsExactly("x");
    listeners.remove(bad);
    assertThat(listeners.isEmpty()).isTrue();
  }

  @Test
  void vfs_reportsOnlySuccessfulMutations() throws Exception {
    try (Vfs vfs = Vfs.inMemory()) {
      List<String> seen = new ArrayList<>();
      ChangeListener l = (k, dir, name) -> seen.add(k + " " + dir + " " + name);
      vfs.addChangeListener(l);
      vfs.createDirectory("/d").join();
      vfs.write("/d/f", new byte[] {1}).join();
      vfs.setTimes("/d/f", null, null, null).join();
      vfs.move("/d/f", "/d/g").join();
      vfs.copy("/d/g", "/d/h").join();
      vfs.createSymbolicLink("/d/l", "g").join();
      vfs.createLink("/d/k", "/d/g").join();
      vfs.delete("/d/g").join();
      vfs.createDirectory("/d").handle((v, e) -> null).join();
      vfs.delete("/missing").handle((v, e) -> null).join();
      vfs.removeChangeListener(l);
      vfs.delete("/d/h").join();
      assertThat(seen)
          .containsExactly(
              "CREATE / d",
              "CREATE /d f",
              "MODIFY /d f",
              "MODIFY /d f",
              "DELETE /d f",
              "CREATE /d g",
              "CREATE /d h",
              "MODIFY /d h",
              "CREATE /d l",
              "CREATE /d k",
              "DELETE /d g");
    }
  }
}
