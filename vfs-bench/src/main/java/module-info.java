/**
 * The workload runner and the JMH benchmarks. An application, not a library: its runner is exported
 * only to the command line, which runs it as {@code jvfs bench}. JMH is needed to compile and to
 * run the benchmarks only, so the runner works without it.
 */
@SuppressWarnings({"requires-automatic", "module"})
module org.jvfs.bench {
  requires org.jvfs;
  requires org.jvfs.posix;
  requires org.jnrproject.ffi;
  requires jdk.management;
  requires static jmh.core;
  requires static org.jspecify;

  exports org.jvfs.bench to
      org.jvfs.cli;

  uses org.jvfs.spi.BackendProvider;
}
