package org.jvfs.cli;

import java.util.List;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jvfs tree MOUNT [PATH]}: the tree below a directory, drawn as tree(1) draws it, then a
 * count of its directories and files. Symbolic links are shown with their targets, not followed.
 */
@Command(
    name = "tree",
    mixinStandardHelpOptions = true,
    description = "Draw the tree below a directory, read through jvfs.")
final class TreeCommand extends FileCommand {
  @Option(
      names = {"-L", "--depth"},
      paramLabel = "N",
      description = "descend at most N levels (default: all)")
  int depth = Integer.MAX_VALUE;

  private int directories;
  private int files;

  TreeCommand(Context context) {
    super(context);
  }

  @Override
  int run(Vfs vfs, String path) throws Exception {
    if (depth < 1) {
      throw new CliException("tree: -L must be at least 1, not " + depth, Jvfs.USAGE);
    }
    NodeAttributes root = lstat(vfs, path);
    context.out().println(path);
    if (root.kind() == NodeKind.DIRECTORY) {
      draw(vfs, path, "", 1);
    }
    context
        .out()
        .printf(
            "%n%d director%s, %d file%s%n",
            directories, directories == 1 ? "y" : "ies", files, files == 1 ? "" : "s");
    return Jvfs.OK;
  }

  private void draw(Vfs vfs, String dir, String indent, int level) throws Exception {
    List<String> names = list(vfs, dir);
    for (int i = 0; i < names.size(); i++) {
      boolean last = i == names.size() - 1;
      String p = child(dir, names.get(i));
      NodeAttributes a = lstat(vfs, p);
      String line = indent + (last ? "└── " : "├── ") + names.get(i);
      if (a.isSymbolicLink()) {
        line += " -> " + join(vfs.readSymbolicLink(p));
      }
      context.out().println(line);
      if (a.kind() == NodeKind.DIRECTORY) {
        directories++;
        if (level < depth) {
          draw(vfs, p, indent + (last ? "    " : "│   "), level + 1);
        }
      } else {
        files++;
      }
    }
  }
}
