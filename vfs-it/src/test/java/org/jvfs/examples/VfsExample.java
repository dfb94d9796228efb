package org.jvfs.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import org.jvfs.LookupResult;
import org.jvfs.Saturation;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;

/** The README's first example: a VFS over memory, {@code lookupNow}, an async read, the stats. */
final class VfsExample {
  private VfsExample() {}

  // region vfs
  static void run(PrintStream out) throws IOException {
    try (Vfs vfs =
        Vfs.builder()
            .mount("/", MemoryBackend.create()) // more mounts: .mount("/data", backend, policy)
            .maximumDentries(100_000)
            .maximumNegativeDentries(10_000)
            .maxInFlight(1024)
            .whenSaturated(Saturation.FAIL) // the default: never parks a caller
            .build()) {
      vfs.createDirectories("/srv/www").join();
      vfs.write("/srv/www/index.html", "<h1>hi</h1>".getBytes(UTF_8)).join();

      // A write leaves the path's attributes uncached: until a lookup or stat reads them again,
      // lookupNow says MISS. Look it up once, asynchronously, and later lookups hit.
      vfs.lookup("/srv/www/index.html").join();

      // On an event loop: never blocks, never does IO.
      LookupResult r = vfs.lookupNow("/srv/www/index.html");
      switch (r.status()) {
        case HIT -> out.println("HIT: " + r.attributes().size() + " bytes");
        case ABSENT -> out.println("ABSENT");
        case MISS -> vfs.lookup("/srv/www/index.html").thenAccept(l -> out.println(l.status()));
      }
      // A name never looked up is not known to be absent yet: MISS, then the lookup says ABSENT.
      out.println("missing.js: " + vfs.lookupNow("/srv/www/missing.js").status());
      out.println("missing.js: " + vfs.lookup("/srv/www/missing.js").join().status());

      ByteBuffer buffer = ByteBuffer.allocate(64);
      vfs.open("/srv/www/index.html")
          .thenCompose(f -> f.read(buffer, 0).thenCompose(n -> f.close()))
          .join();
      out.println("read: " + new String(buffer.array(), 0, buffer.position(), UTF_8));
      out.println(vfs.cacheStats());
    }
  }
  // endregion
}
