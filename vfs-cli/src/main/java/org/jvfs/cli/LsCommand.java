package org.jvfs.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jvfs ls MOUNT [PATH]}: a directory's entries (or a file's name), one per line. */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "List a directory's entries through jvfs, one per line, sorted.")
final class LsCommand extends FileCommand {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Option(
      names = "-l",
      description = "long form: kind and permissions, size, modified time (UTC), name")
  boolean longForm;

  LsCommand(Context context) {
    super(context);
  }

  @Override
  int run(Vfs vfs, String path) throws Exception {
    NodeAttributes self = lstat(vfs, path);
    if (self.kind() != NodeKind.DIRECTORY) {
      print(vfs, path, path, self);
      return Jvfs.OK;
    }
    for (String name : list(vfs, path)) {
      String p = child(path, name);
      print(vfs, p, name, longForm ? lstat(vfs, p) : null);
    }
    return Jvfs.OK;
  }

  private void print(Vfs vfs, String path, String name, NodeAttributes a) throws Exception {
    if (!longForm || a == null) {
      context.out().println(name);
      return;
    }
    String link = a.isSymbolicLink() ? " -> " + join(vfs.readSymbolicLink(path)) : "";
    context
        .out()
        .printf(
            Locale.ROOT,
            "%c%s %12d %s %s%s%n",
            kindLetter(a),
            permissions(a),
            a.size(),
            TIME.format(a.lastModifiedTime().toInstant()),
            name,
            link);
  }
}
