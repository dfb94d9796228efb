/**
 * The native side of the POSIX backend: {@link org.jvfs.posix.ffi.PosixNative}, the one class that
 * touches JNR-FFI, the kernel constants it passes ({@link org.jvfs.posix.ffi.Linux}) and the
 * decoders of the structures the kernel fills. Internal to vfs-posix.
 */
@NullMarked
package org.jvfs.posix.ffi;

import org.jspecify.annotations.NullMarked;
