/**
 * The posix backend: POSIX {@code *at} system calls confined to a root directory, through JNR-FFI.
 *
 * <p>{@code org.jvfs.posix.ffi}, the binding, is internal but exported: JNR-FFI defines the class
 * that implements a binding interface in a class loader of its own, whose unnamed module must be
 * able to read the interface, and no qualified export can name an unnamed module. Nothing in it is
 * part of jvfs's API.
 *
 * @provides org.jvfs.spi.BackendProvider the posix backend, named {@code posix}
 */
@SuppressWarnings("requires-automatic")
module org.jvfs.posix {
  requires transitive org.jvfs;
  requires org.jnrproject.ffi;
  requires org.jnrproject.constants;
  requires com.google.common;
  requires static transitive org.jspecify;

  exports org.jvfs.posix;
  // Internal; exported for JNR-FFI's generated binding class (above).
  exports org.jvfs.posix.ffi;

  provides org.jvfs.spi.BackendProvider with
      org.jvfs.posix.PosixBackendProvider;
}
