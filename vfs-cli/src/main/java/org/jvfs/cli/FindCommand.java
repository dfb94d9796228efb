package org.jvfs.cli;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import org.jspecify.annotations.Nullable;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jvfs find MOUNT [PATH] [--name GLOB] [--type f|d|l]}: every path at and below PATH that
 * matches, one per line, depth first in name order. Symbolic links are not followed.
 */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = "Print the paths at and below PATH, read through jvfs, that match.")
final class FindCommand extends FileCommand {
  @Option(
      names = "--name",
      paramLabel = "GLOB",
      description = "only names matching this glob (*, ?, [...], {a,b})")
  @Nullable String name;

  @Option(
      names = "--type",
      paramLabel = "f|d|l",
      description = "only regular files (f), directories (d) or symbolic links (l)")
  @Nullable String type;

  private @Nullable PathMatcher matcher;
  private @Nullable NodeKind kind;

  FindCommand(Context context) {
    super(context);
  }

  @Override
  int run(Vfs vfs, String path) throws Exception {
    if (name != null) {
      try {
        matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
      } catch (IllegalArgumentException e) {
        throw new CliException(
            "find: bad --name glob '" + name + "': " + e.getMessage(), Jvfs.USAGE);
      }
    }
    if (type != null) {
      kind =
          switch (type) {
            case "f" -> NodeKind.FILE;
            case "d" -> NodeKind.DIRECTORY;
            case "l" -> NodeKind.SYMLINK;
            default ->
                throw new CliException(
                    "find: unknown --type '" + type + "'; accepted: f, d or l", Jvfs.USAGE);
          };
    }
    visit(vfs, path, lstat(vfs, path));
    return Jvfs.OK;
  }

  private void visit(Vfs vfs, String path, NodeAttributes a) throws Exception {
    String last = path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
    boolean nameOk = matcher == null || (!last.equals("/") && matcher.matches(Path.of(last)));
    if (nameOk && (kind == null || a.kind() == kind)) {
      context.out().println(path);
    }
    if (a.kind() == NodeKind.DIRECTORY) {
      for (String n : list(vfs, path)) {
        String p = child(path, n);
        visit(vfs, p, lstat(vfs, p));
      }
    }
  }
}
