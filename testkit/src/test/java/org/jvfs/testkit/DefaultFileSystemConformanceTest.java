package org.jvfs.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Runs the kit against the JDK's default provider in a fresh temporary directory per test: the
 * reference every jvfs file system is held to. A kit test failing here is a wrong test.
 */
class DefaultFileSystemConformanceTest extends FileSystemConformanceKit {

  private static final Set<Feature> FEATURES = probeFeatures();

  @Override
  protected Path newRoot() throws IOException {
    return Files.createTempDirectory("jvfs-kit");
  }

  @Override
  protected Set<Feature> features() {
    return FEATURES;
  }

  @Override
  protected Set<JdkDifference> jdkDifferences() {
    return JdkDifference.ofRunningJdk();
  }

  /**
   * Everything the Linux default provider supports; birth time only where the JDK and the file
   * system report one (statx), which a probe decides.
   */
  private static Set<Feature> probeFeatures() {
    Set<Feature> features = EnumSet.allOf(Feature.class);
    if (!reportsBirthTime()) {
      features.remove(Feature.CREATION_TIME);
    }
    return features;
  }

  private static boolean reportsBirthTime() {
    try {
      Path dir = Files.createTempDirectory("jvfs-kit-probe");
      try {
        Path file = Files.createFile(dir.resolve("probe"));
        FileTime epoch = FileTime.fromMillis(0);
        Files.setLastModifiedTime(file, epoch);
        FileTime created = Files.readAttributes(file, BasicFileAttributes.class).creationTime();
        Files.delete(file);
        return !created.equals(epoch);
      } finally {
        Files.delete(dir);
      }
    } catch (IOException e) {
      return false;
    }
  }
}
