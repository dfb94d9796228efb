/**
 * The io_uring ring engine: a {@link org.jvfs.aio.ring.Ring} over the kernel's shared submission
 * and completion queues, with a completion table indexed by {@code user_data}, batched submission
 * from many threads, a reaper, direct descriptors and registered buffers, and the once-per-process
 * {@link org.jvfs.aio.ring.UringProbe}. The aio backend is built on it. Internal to vfs-aio.
 *
 * <p>Switch: the system property {@code jvfs.aio.disable=true} (read once, by the probe) makes
 * {@link org.jvfs.aio.ring.UringProbe#get()} report io_uring as unavailable, "disabled by system
 * property jvfs.aio.disable=true", so that CI can run everything on the fallback path.
 */
@NullMarked
package org.jvfs.aio.ring;

import org.jspecify.annotations.NullMarked;
