package org.jvfs.aio.ring;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a {@link Ring} is set up. Immutable; made with {@link #builder()}.
 *
 * <p>Defaults: 256 SQ entries, a CQ twice that, at most CQ minus {@link #RESERVED_CQES} operations
 * in flight, callers wait when that many are in flight, a reaper thread, no SQPOLL, no eventfd, no
 * direct descriptors, no registered buffers, 512 bytes of scratch per operation, 10 s for close to
 * wait for the kernel to answer the operations it cancels.
 */
public final class RingConfig {
  /** CQ entries kept free of operations for the ring's own SQEs (wakeup, cancel-all at close). */
  public static final int RESERVED_CQES = 4;

  /** What a submission does when the in-flight bound is reached. */
  public enum WhenFull {
    /** The submitting thread waits for a slot (helping to reap meanwhile). */
    WAIT,
    /** The operation fails at once with {@link java.util.concurrent.RejectedExecutionException}. */
    FAIL
  }

  final int entries;
  final int cqEntries;
  final int maxInFlight;
  final WhenFull whenFull;
  final boolean reaper;
  final boolean sqPoll;
  final int sqThreadIdleMillis;
  final boolean eventFd;
  final int directFiles;
  final int fixedBuffers;
  final int fixedBufferSize;
  final int scratchBytes;
  final long closeGraceMillis;
  final String name;

  private RingConfig(Builder b) {
    this.entries = b.entries;
    this.cqEntries = b.cqEntries > 0 ? b.cqEntries : 2 * b.entries;
    checkArgument(
        cqEntries >= entries,
        "cqEntries (%s) must be at least entries (%s), as io_uring_setup requires",
        cqEntries,
        entries);
    int bound = cqEntries - RESERVED_CQES;
    if (b.maxInFlight > 0) {
      checkArgument(
          b.maxInFlight <= bound || b.allowCqOverflow,
          "maxInFlight (%s) must leave %s of the %s CQ entries free",
          b.maxInFlight,
          RESERVED_CQES,
          cqEntries);
      this.maxInFlight = b.maxInFlight;
    } else {
      this.maxInFlight = bound;
    }
    this.whenFull = b.whenFull;
    this.reaper = b.reaper;
    this.sqPoll = b.sqPoll;
    this.sqThreadIdleMillis = b.sqThreadIdleMillis;
    this.eventFd = b.eventFd;
    this.directFiles = b.directFiles;
    this.fixedBuffers = b.fixedBuffers;
    this.fixedBufferSize = b.fixedBufferSize;
    this.scratchBytes = b.scratchBytes;
    this.closeGraceMillis = b.closeGraceMillis;
    this.name = b.name;
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the defaults. */
  public static RingConfig defaults() {
    return builder().build();
  }

  /** Returns the requested SQ entries (the kernel rounds up to a power of two). */
  public int entries() {
    return entries;
  }

  /** Returns the requested CQ entries. */
  public int cqEntries() {
    return cqEntries;
  }

  /** Returns the bound on operations in flight. */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** Builds a {@link RingConfig}. Not thread-safe. */
  public static final class Builder {
    private int entries = 256;
    private int cqEntries;
    private int maxInFlight;
    private boolean allowCqOverflow;
    private WhenFull whenFull = WhenFull.WAIT;
    private boolean reaper = true;
    private boolean sqPoll;
    private int sqThreadIdleMillis = 50;
    private boolean eventFd;
    private int directFiles;
    private int fixedBuffers;
    private int fixedBufferSize = 64 * 1024;
    private int scratchBytes = 512;
    private long closeGraceMillis = 10_000;
    private String name = "jvfs-uring";

    private Builder() {}

    /** SQ entries, a power of two in [1, 32768]. */
    public Builder entries(int entries) {
      checkArgument(
          entries > 0 && entries <= 32768 && Integer.bitCount(entries) == 1,
          "entries (%s) must be a power of two in [1, 32768]",
          entries);
      this.entries = entries;
      return this;
    }

    /** CQ entries (IORING_SETUP_CQSIZE), a power of two at least {@link #entries}. */
    public Builder cqEntries(int cqEntries) {
      checkArgument(
          cqEntries > RESERVED_CQES && Integer.bitCount(cqEntries) == 1,
          "cqEntries (%s) must be a power of two above %s",
          cqEntries,
          RESERVED_CQES);
      this.cqEntries = cqEntries;
      return this;
    }

    /** The bound on operations in flight, at most CQ entries minus {@link #RESERVED_CQES}. */
    public Builder maxInFlight(int maxInFlight) {
      checkArgument(maxInFlight > 0, "maxInFlight (%s) must be positive", maxInFlight);
      this.maxInFlight = maxInFlight;
      return this;
    }

    /** Lets {@link #maxInFlight} exceed the CQ: only for tests that provoke a CQ overflow. */
    Builder allowCqOverflowForTesting() {
      this.allowCqOverflow = true;
      return this;
    }

    /** What a submission does when {@link #maxInFlight} operations are in flight. */
    public Builder whenFull(WhenFull whenFull) {
      this.whenFull = whenFull;
      return this;
    }

    /**
     * Whether a reaper thread completes operations (default true). Without it the owner reaps:
     * {@link Ring#reap()} and {@link Ring#await(OpFuture)}.
     */
    public Builder reaper(boolean reaper) {
      this.reaper = reaper;
      return this;
    }

    /** IORING_SETUP_SQPOLL: a kernel thread polls the SQ (off by default). */
    public Builder sqPoll(boolean sqPoll, int idleMillis) {
      checkArgument(idleMillis >= 0, "idleMillis (%s) must not be negative", idleMillis);
      this.sqPoll = sqPoll;
      this.sqThreadIdleMillis = idleMillis;
      return this;
    }

    /** Registers an eventfd (IORING_REGISTER_EVENTFD) the kernel signals on each CQE. */
    public Builder eventFd(boolean eventFd) {
      this.eventFd = eventFd;
      return this;
    }

    /**
     * A sparse direct-descriptor table of {@code n} slots (IORING_REGISTER_FILES2, 5.19): the lower
     * half is handed out by {@link FileTable#allocate()}, the upper half by the kernel for
     * IORING_FILE_INDEX_ALLOC.
     */
    public Builder directFiles(int n) {
      checkArgument(n >= 0 && n % 2 == 0, "directFiles (%s) must be even, >= 0", n);
      this.directFiles = n;
      return this;
    }

    /** {@code count} registered buffers of {@code size} bytes each (IORING_REGISTER_BUFFERS). */
    public Builder fixedBuffers(int count, int size) {
      checkArgument(count >= 0 && count <= 1024, "count (%s) must be in [0, 1024]", count);
      checkArgument(size > 0 && size % 4096 == 0, "size (%s) must be pages", size);
      this.fixedBuffers = count;
      this.fixedBufferSize = size;
      return this;
    }

    /** Bytes of native scratch per operation (paths, structs), at least 64. */
    public Builder scratchBytes(int n) {
      checkArgument(n >= 64 && n % 8 == 0, "scratchBytes (%s) must be >= 64, a multiple of 8", n);
      this.scratchBytes = n;
      return this;
    }

    /** How long close waits for the kernel to answer what it cancels. */
    public Builder closeGraceMillis(long millis) {
      checkArgument(millis >= 0, "millis (%s) must not be negative", millis);
      this.closeGraceMillis = millis;
      return this;
    }

    /** A name for the reaper thread and diagnostics. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Returns the configuration. */
    public RingConfig build() {
      return new RingConfig(this);
    }
  }
}
