package org.jvfs.nio;

import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.Watchable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The key of one directory registered with a {@link VfsWatchService}: READY until an event arrives,
 * then SIGNALLED and queued until {@link #reset()}. Repeated events of one kind and name coalesce
 * into one with a count; past {@value #MAX_EVENTS} pending events, one OVERFLOW stands for the
 * rest. Thread-safe.
 */
final class VfsWatchKey implements WatchKey {
  static final int MAX_EVENTS = 512;

  private final @Nullable VfsWatchService service;
  private final @Nullable VfsPath dir;
  private final String registeredAs;
  private volatile Set<WatchEvent.Kind<?>> kinds = Set.of();
  private volatile boolean valid;
  private List<Event> events = new ArrayList<>();
  private boolean signalled;

  /** The sentinel a closed service queues. */
  VfsWatchKey() {
    this.service = null;
    this.dir = null;
    this.registeredAs = "";
  }

  VfsWatchKey(VfsWatchService service, VfsPath dir, String registeredAs) {
    this.service = service;
    this.dir = dir;
    this.registeredAs = registeredAs;
    this.valid = true;
  }

  String registeredAs() {
    return registeredAs;
  }

  void setKinds(Set<WatchEvent.Kind<?>> kinds) {
    this.kinds = kinds;
  }

  /** Adds an event if this key watches its kind; signals the key if it was ready. */
  void post(WatchEvent.Kind<?> kind, VfsPath name) {
    if (!valid || !kinds.contains(kind)) {
      return;
    }
    boolean signal;
    synchronized (this) {
      Event last = events.isEmpty() ? null : events.get(events.size() - 1);
      if (last != null && last.kind == kind && name.equals(last.context)) {
        last.count++;
      } else if (events.size() >= MAX_EVENTS) {
        if (last == null || last.kind != StandardWatchEventKinds.OVERFLOW) {
          events.add(new Event(StandardWatchEventKinds.OVERFLOW, null));
        } else {
          last.count++;
        }
      } else {
        events.add(new Event(kind, name));
      }
      signal = !signalled;
      signalled = true;
    }
    if (signal && service != null) {
      service.signal(this);
    }
  }

  @Override
  public boolean isValid() {
    return valid;
  }

  @Override
  public synchronized List<WatchEvent<?>> pollEvents() {
    List<WatchEvent<?>> out = List.copyOf(events);
    events = new ArrayList<>();
    return out;
  }

  @Override
  public boolean reset() {
    if (!valid) {
      return false;
    }
    boolean requeue;
    synchronized (this) {
      requeue = !events.isEmpty();
      signalled = requeue;
    }
    if (requeue && service != null) {
      service.signal(this);
    }
    return true;
  }

  @Override
  public void cancel() {
    if (valid) {
      valid = false;
      if (service != null) {
        service.cancelled(this);
      }
    }
  }

  @Override
  public Watchable watchable() {
    if (dir == null) {
      throw new IllegalStateException("the closed-service sentinel has no watchable");
    }
    return dir;
  }

  private static final class Event implements WatchEvent<Object> {
    private final WatchEvent.Kind<?> kind;
    private final @Nullable Object context;
    private int count = 1;

    Event(WatchEvent.Kind<?> kind, @Nullable Object context) {
      this.kind = kind;
      this.context = context;
    }

    @SuppressWarnings("unchecked")
    @Override
    public WatchEvent.Kind<Object> kind() {
      return (WatchEvent.Kind<Object>) kind;
    }

    @Override
    public int count() {
      return count;
    }

    @Override
    public @Nullable Object context() {
      return context;
    }

    @Override
    public String toString() {
      return kind + " " + context + (count > 1 ? " x" + count : "");
    }
  }
}
