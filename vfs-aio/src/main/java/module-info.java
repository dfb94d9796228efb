/**
 * The io_uring ring engine that the aio backend will stand on. It has no public API yet: the ring
 * is exported only to the command line, whose {@code doctor} reports what the kernel supports, and
 * the binding ({@code org.jvfs.aio.ffi}) to everyone, because JNR-FFI defines the class that
 * implements a binding interface in a class loader of its own, whose unnamed module no qualified
 * export can name. Nothing in either is part of jvfs's API.
 */
@SuppressWarnings({"requires-automatic", "module"})
module org.jvfs.aio {
  requires org.jvfs;
  requires org.jnrproject.ffi;
  requires org.jnrproject.jffi;
  requires com.google.common;
  requires static org.jspecify;

  // Internal; exported for JNR-FFI's generated binding class (above).
  exports org.jvfs.aio.ffi;
  exports org.jvfs.aio.ring to
      org.jvfs.cli;
}
