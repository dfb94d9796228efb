package org.jvfs.cli;

import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.jvfs.AsyncFile;
import org.jvfs.Vfs;
import picocli.CommandLine.Command;

/** {@code jvfs cat MOUNT PATH}: a file's bytes on stdout, read through jvfs 64 KiB at a time. */
@Command(
    name = "cat",
    mixinStandardHelpOptions = true,
    description = "Write a file's bytes to stdout, read through jvfs.")
final class CatCommand extends FileCommand {
  private static final int CHUNK = 64 * 1024;

  CatCommand(Context context) {
    super(context);
  }

  @Override
  int run(Vfs vfs, String path) throws Exception {
    AsyncFile file = join(vfs.open(path));
    try {
      WritableByteChannel out = Channels.newChannel(context.out());
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
      long position = 0;
      while (true) {
        buffer.clear();
        int n = join(file.read(buffer, position));
        if (n < 0) {
          break;
        }
        position += n;
        buffer.flip();
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
    } finally {
      join(file.close());
    }
    return Jvfs.OK;
  }
}
