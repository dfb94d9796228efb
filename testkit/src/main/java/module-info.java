/**
 * Conformance kits, the reference model and the property engine for backend authors: JUnit 5
 * classes to extend with one method that makes a fresh backend.
 */
@SuppressWarnings({"module"})
module org.jvfs.testkit {
  requires transitive org.jvfs;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires com.google.common;
  requires static transitive org.jspecify;

  exports org.jvfs.testkit;
  exports org.jvfs.testkit.property;
}
