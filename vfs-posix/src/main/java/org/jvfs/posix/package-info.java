/**
 * A {@link org.jvfs.spi.Backend} over POSIX {@code *at} syscalls, confined to a root directory:
 * {@link org.jvfs.posix.PosixBackend}, made by {@link org.jvfs.posix.PosixBackendProvider} under
 * the name {@code posix}.
 */
@NullMarked
package org.jvfs.posix;

import org.jspecify.annotations.NullMarked;
