package org.jvfs.core;

import java.util.Arrays;

/**
 * What one nonblocking walk's answer rests on: each cached value it read (dentries, negative
 * dentries, the attribute snapshot) with the version it had when read, and the earliest of their
 * deadlines. The {@link FrontCache} keeps it beside the answer and checks it on every use.
 *
 * <p>Not thread-safe: filled by one walk, then handed to the front cache, which copies it.
 */
final class Footprint {
  private Cached[] values = new Cached[8];
  private long[] versions = new long[8];
  private int size;
  private long deadline = Long.MAX_VALUE;

  /**
   * Records {@code value} with its version now; returns false, recording nothing, if it is retired
   * (it left the cache after the caller found it). The caller reads the value's key's pending state
   * after this (see {@link DentryCache#peek(Dentry, org.jvfs.spi.Name, Footprint)}).
   */
  boolean add(Cached value) {
    long version = value.version();
    if (version == Cached.RETIRED) {
      return false;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      versions = Arrays.copyOf(versions, size * 2);
    }
    values[size] = value;
    versions[size] = version;
    size++;
    deadline = Math.min(deadline, value.deadline());
    return true;
  }

  /** Returns how many values were recorded. */
  int size() {
    return size;
  }

  /** Returns the earliest deadline of the recorded values, or {@link Long#MAX_VALUE}. */
  long deadline() {
    return deadline;
  }

  /** Returns a copy of the recorded values. */
  Cached[] values() {
    return Arrays.copyOf(values, size);
  }

  /** Returns a copy of the recorded versions, in the order of {@link #values()}. */
  long[] versions() {
    return Arrays.copyOf(versions, size);
  }
}
