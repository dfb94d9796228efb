package org.jvfs.nio;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.NotDirectoryException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.jvfs.ChangeListener;
import org.jvfs.spi.NodeAttributes;

/**
 * A {@link WatchService} fed by the VFS's {@link ChangeListener}s: an event is queued when a change
 * made through the VFS succeeds, with no polling. Directories are matched by their normalized
 * absolute path, as the change was spelled (see {@link ChangeListener}); changes made behind the
 * VFS's back are not seen. Thread-safe.
 */
final class VfsWatchService implements WatchService, ChangeListener {
  private static final VfsWatchKey CLOSED = new VfsWatchKey();

  private final VfsFileSystem fs;
  private final Map<String, VfsWatchKey> keys = new ConcurrentHashMap<>();
  private final LinkedBlockingDeque<VfsWatchKey> ready = new LinkedBlockingDeque<>();
  private volatile boolean closed;

  VfsWatchService(VfsFileSystem fs) {
    this.fs = fs;
    fs.vfs().addChangeListener(this);
    fs.addWatcher(this);
  }

  /** Registers a directory; registering it again updates its kinds and returns the same key. */
  WatchKey register(VfsPath dir, List<WatchEvent.Kind<?>> kinds, WatchEvent.Modifier... modifiers)
      throws IOException {
    if (closed) {
      throw new ClosedWatchServiceException();
    }
    if (dir.getFileSystem() != fs) {
      throw new java.nio.file.ProviderMismatchException("path of another file system: " + dir);
    }
    for (WatchEvent.Modifier m : modifiers) {
      throw new UnsupportedOperationException("Modifier not supported: " + m);
    }
    for (WatchEvent.Kind<?> k : kinds) {
      if (k != StandardWatchEventKinds.ENTRY_CREATE
          && k != StandardWatchEventKinds.ENTRY_DELETE
          && k != StandardWatchEventKinds.ENTRY_MODIFY
          && k != StandardWatchEventKinds.OVERFLOW) {
        throw new UnsupportedOperationException("Event kind not supported: " + k);
      }
    }
    fs.checkOpen();
    NodeAttributes a = VfsIo.join(fs.vfs().stat(VfsFileChannel.abs(dir)));
    if (!a.isDirectory()) {
      throw new NotDirectoryException(dir.toString());
    }
    String key = dir.toAbsolutePath().normalize().toString();
    VfsWatchKey k =
        keys.compute(
            key, (p, old) -> old != null && old.isValid() ? old : new VfsWatchKey(this, dir, p));
    k.setKinds(Set.copyOf(kinds));
    return k;
  }

  @Override
  public void changed(ChangeListener.Kind kind, String directory, String name) {
    VfsWatchKey k = keys.get(fs.getPath(directory).normalize().toString());
    if (k == null) {
      return;
    }
    WatchEvent.Kind<?> event =
        switch (kind) {
          case CREATE -> StandardWatchEventKinds.ENTRY_CREATE;
          case DELETE -> StandardWatchEventKinds.ENTRY_DELETE;
          case MODIFY -> StandardWatchEventKinds.ENTRY_MODIFY;
        };
    k.post(event, fs.getPath(name));
  }

  /** Queues a key that became signalled. */
  void signal(VfsWatchKey key) {
    ready.add(key);
  }

  void cancelled(VfsWatchKey key) {
    keys.remove(key.registeredAs(), key);
  }

  private @Nullable WatchKey checked(@Nullable VfsWatchKey k) {
    if (k == CLOSED || (k == null && closed)) {
      ready.add(CLOSED);
      throw new ClosedWatchServiceException();
    }
    return k;
  }

  @Override
  public @Nullable WatchKey poll() {
    if (closed) {
      throw new ClosedWatchServiceException();
    }
    return checked(ready.poll());
  }

  @Override
  public @Nullable WatchKey poll(long timeout, TimeUnit unit) throws InterruptedException {
    if (closed) {
      throw new ClosedWatchServiceException();
    }
    return checked(ready.poll(timeout, unit));
  }

  @Override
  public WatchKey take() throws InterruptedException {
    if (closed) {
      throw new ClosedWatchServiceException();
    }
    WatchKey k = checked(ready.take());
    return k;
  }

  /** Closes the service and cancels its keys; wakes waiting threads. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    fs.vfs().removeChangeListener(this);
    fs.removeWatcher(this);
    for (VfsWatchKey k : keys.values()) {
      k.cancel();
    }
    keys.clear();
    ready.clear();
    ready.add(CLOSED);
  }
}
