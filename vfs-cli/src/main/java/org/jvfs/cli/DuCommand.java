package org.jvfs.cli;

import java.util.Locale;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jvfs du MOUNT [PATH]}: the apparent size (the sum of file sizes, as {@code du -b}) of each
 * directory at and below PATH, deepest first, then the total; {@code -s} prints the total only.
 * Symbolic links count their own size and are not followed; a file with several links counts once
 * per link.
 */
@Command(
    name = "du",
    description = "Print the apparent size of each directory below PATH, read through jvfs.")
final class DuCommand extends FileCommand {
  @Option(names = "--help", usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = "-s", description = "print the total only")
  boolean summary;

  @Option(names = "-h", description = "sizes in K, M, G (powers of 1024)")
  boolean human;

  DuCommand(Context context) {
    super(context);
  }

  @Override
  int run(Vfs vfs, String path) throws Exception {
    long total = size(vfs, path, lstat(vfs, path), true);
    if (summary) {
      print(total, path);
    }
    return Jvfs.OK;
  }

  private long size(Vfs vfs, String path, NodeAttributes a, boolean top) throws Exception {
    if (a.kind() != NodeKind.DIRECTORY) {
      if (top && !summary) {
        print(a.size(), path);
      }
      return a.size();
    }
    long sum = 0;
    for (String n : list(vfs, path)) {
      String p = child(path, n);
      sum += size(vfs, p, lstat(vfs, p), false);
    }
    if (!summary) {
      print(sum, path);
    }
    return sum;
  }

  private void print(long bytes, String path) {
    context.out().println((human ? human(bytes) : Long.toString(bytes)) + "\t" + path);
  }

  /** Returns a size as du -h writes it: 512, 1.5K, 12M. */
  static String human(long bytes) {
    String units = "KMGTPE";
    if (bytes < 1024) {
      return Long.toString(bytes);
    }
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length() - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.1f%c" : "%.0f%c", v, units.charAt(u));
  }
}
