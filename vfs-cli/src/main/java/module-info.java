/**
 * The {@code jvfs} command: {@code doctor}, {@code bench} and the file commands over a mount spec.
 * An application: it exports nothing, and opens its commands to picocli, which fills their options
 * by reflection.
 */
@SuppressWarnings({"module"})
module org.jvfs.cli {
  requires org.jvfs;
  requires org.jvfs.posix;
  requires org.jvfs.aio;
  requires org.jvfs.bench;
  requires info.picocli;
  requires static org.jspecify;

  opens org.jvfs.cli to
      info.picocli;

  uses org.jvfs.spi.BackendProvider;
}
