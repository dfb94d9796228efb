package org.jvfs.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The open flags a backend sees: the {@link StandardOpenOption}s that concern it, already checked
 * for consistency by the VFS. {@code NOFOLLOW_LINKS}, {@code DELETE_ON_CLOSE} and {@code SPARSE}
 * are handled by the VFS and never reach a backend; a backend open never follows a final symbolic
 * link.
 *
 * @param read open for reading
 * @param write open for writing
 * @param append writes go to the end of the file
 * @param create create the file if absent
 * @param createNew create the file, failing with {@link Errno#EEXIST} if present
 * @param truncate truncate to 0 bytes on open (only with write)
 * @param sync every write also writes content and metadata to the device ({@code O_SYNC})
 * @param dsync every write also writes content to the device ({@code O_DSYNC})
 */
public record OpenFlags(
    boolean read,
    boolean write,
    boolean append,
    boolean create,
    boolean createNew,
    boolean truncate,
    boolean sync,
    boolean dsync) {

  /** Plain read-only open. */
  public static final OpenFlags READ =
      new OpenFlags(true, false, false, false, false, false, false, false);

  /**
   * Returns the flags for a set of open options, with the JDK's rules: no option means read; append
   * implies write; {@code CREATE} and {@code CREATE_NEW} and {@code TRUNCATE_EXISTING} count only
   * with write.
   *
   * @throws NullPointerException if {@code options} or an element is null
   * @throws IllegalArgumentException if both {@code READ} and {@code APPEND}, or {@code APPEND} and
   *     {@code TRUNCATE_EXISTING}, are given, as {@code Files.newByteChannel} refuses them
   * @throws UnsupportedOperationException for an option that is neither a {@link
   *     StandardOpenOption} nor {@link LinkOption#NOFOLLOW_LINKS}
   */
  public static OpenFlags from(Set<? extends OpenOption> options) {
    checkNotNull(options, "options");
    boolean read = false;
    boolean write = false;
    boolean append = false;
    boolean create = false;
    boolean createNew = false;
    boolean truncate = false;
    boolean sync = false;
    boolean dsync = false;
    for (OpenOption o : options) {
      checkNotNull(o, "option");
      if (o == LinkOption.NOFOLLOW_LINKS) {
        continue;
      }
      if (!(o instanceof StandardOpenOption)) {
        throw new UnsupportedOperationException("Unsupported open option: " + o);
      }
      switch ((StandardOpenOption) o) {
        case READ -> read = true;
        case WRITE -> write = true;
        case APPEND -> append = true;
        case CREATE -> create = true;
        case CREATE_NEW -> createNew = true;
        case TRUNCATE_EXISTING -> truncate = true;
        case SYNC -> sync = true;
        case DSYNC -> dsync = true;
        case DELETE_ON_CLOSE, SPARSE -> {}
      }
    }
    if (read && append) {
      throw new IllegalArgumentException("READ + APPEND not allowed");
    }
    if (append && truncate) {
      throw new IllegalArgumentException("APPEND + TRUNCATE_EXISTING not allowed");
    }
    if (append) {
      write = true;
    }
    if (!write) {
      read = true;
      create = false;
      createNew = false;
      truncate = false;
    }
    if (createNew) {
      create = false;
    }
    return new OpenFlags(read, write, append, create, createNew, truncate, sync, dsync);
  }

  /** Returns true if the open may create the file. */
  public boolean creates() {
    return create || createNew;
  }
}
