/**
 * The native side of the io_uring engine: {@link org.jvfs.aio.ffi.UringNative}, the one class of
 * vfs-aio that touches JNR-FFI, the kernel constants it passes ({@link org.jvfs.aio.ffi.IoUring})
 * and the layouts of the structures shared with the kernel ({@link org.jvfs.aio.ffi.UringLayout}).
 * No liburing: every call is a raw syscall. Internal to vfs-aio.
 */
@NullMarked
package org.jvfs.aio.ffi;

import org.jspecify.annotations.NullMarked;
