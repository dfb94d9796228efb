package org.jvfs.testkit;

/** The java.nio conformance kit on jvfs over the memory backend, dentry cache on. */
class JvfsMemoryFileSystemConformanceCachedTest extends JvfsMemoryFileSystemKit {
  JvfsMemoryFileSystemConformanceCachedTest() {
    super(true);
  }
}
