/** A program outside jvfs that uses it from the module path, as an application would. */
module org.jvfs.modulepath {
  requires org.jvfs.posix;
}
