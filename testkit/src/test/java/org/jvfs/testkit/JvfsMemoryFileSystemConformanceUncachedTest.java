package org.jvfs.testkit;

/** The java.nio conformance kit on jvfs over the memory backend, dentry cache off. */
class JvfsMemoryFileSystemConformanceUncachedTest extends JvfsMemoryFileSystemKit {
  JvfsMemoryFileSystemConformanceUncachedTest() {
    super(false);
  }
}
