/**
 * The io_uring backend: opens, whole-file reads and the reads, writes and closes of open files
 * through io_uring, everything else on the posix backend's code over the same root.
 *
 * <p>{@code org.jvfs.aio.backend} holds the backend ({@code UringBackend}, its options and its
 * provider). The ring engine ({@code org.jvfs.aio.ring}) is exported only to the command line,
 * whose {@code doctor} reports what the kernel supports, and the binding ({@code org.jvfs.aio.ffi})
 * to everyone, because JNR-FFI defines the class that implements a binding interface in a class
 * loader of its own, whose unnamed module no qualified export can name. Neither is part of jvfs's
 * API.
 *
 * @provides org.jvfs.spi.BackendProvider the io_uring backend, named {@code aio}
 */
@SuppressWarnings({"requires-automatic", "module"})
module org.jvfs.aio {
  requires transitive org.jvfs;
  requires transitive org.jvfs.posix;
  requires org.jnrproject.ffi;
  requires org.jnrproject.jffi;
  requires com.google.common;
  requires static org.jspecify;

  exports org.jvfs.aio.backend;
  // Internal; exported for JNR-FFI's generated binding class (above).
  exports org.jvfs.aio.ffi;
  exports org.jvfs.aio.ring to
      org.jvfs.cli;

  provides org.jvfs.spi.BackendProvider with
      org.jvfs.aio.backend.UringBackendProvider;
}
