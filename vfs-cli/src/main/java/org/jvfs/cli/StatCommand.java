package org.jvfs.cli;

import java.util.Locale;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;
import picocli.CommandLine.Command;

/** {@code jvfs stat MOUNT PATH}: a path's attributes, one {@code field: value} per line. */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = "Print a path's attributes through jvfs (a final symbolic link is not followed).")
final class StatCommand extends FileCommand {
  StatCommand(Context context) {
    super(context);
  }

  @Override
  int run(Vfs vfs, String path) throws Exception {
    NodeAttributes a = lstat(vfs, path);
    var out = context.out();
    out.println("path: " + path);
    out.println("kind: " + a.kind().name().toLowerCase(Locale.ROOT));
    if (a.isSymbolicLink()) {
      out.println("target: " + join(vfs.readSymbolicLink(path)));
    }
    out.println("size: " + a.size());
    out.println("permissions: " + permissions(a));
    out.println("owner: uid " + a.uid() + ", gid " + a.gid());
    out.println("links: " + a.linkCount());
    out.println("modified: " + a.lastModifiedTime());
    out.println("accessed: " + a.lastAccessTime());
    out.println("changed: " + a.changeTime());
    out.println("created: " + a.creationTime());
    Object key = a.fileKey();
    if (key != null) {
      out.println("file key: " + key);
    }
    return Jvfs.OK;
  }
}
