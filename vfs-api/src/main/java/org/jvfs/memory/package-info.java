/**
 * An in-memory backend: a thread-safe tree of inodes held in the heap, with POSIX semantics for
 * links, permissions, times, renames and errors, meant for tests and for scratch file systems.
 *
 * <p>The entry point is {@link org.jvfs.memory.MemoryBackend}; {@link
 * org.jvfs.memory.MemoryBackendProvider} makes one through {@link java.util.ServiceLoader} under
 * the name {@code memory}.
 */
@NullMarked
package org.jvfs.memory;

import org.jspecify.annotations.NullMarked;
