package org.jvfs.cli;

import java.util.List;
import java.util.Locale;
import org.jvfs.bench.Report;
import org.jvfs.bench.Result;

/**
 * Draws the bench's table as an SVG bar chart: per workload, one horizontal bar per variant, its
 * length the variant's operations per second against the fastest of its workload, labelled with
 * ops/s and the ratio to the baseline. The baseline's bar is grey, jvfs variants' blue, other JDK
 * variants' orange. Written by hand: a few rectangles and texts need no library.
 *
 * <p>Stateless.
 */
final class SvgChart {
  private static final int WIDTH = 900;
  private static final int LEFT = 190;
  private static final int BAR_AREA = 520;
  private static final int ROW = 24;
  private static final int BAR = 16;
  private static final int TITLE = 44;

  private SvgChart() {}

  /** Returns the chart of these reports as an SVG document. */
  static String of(List<Report> reports) {
    int height = 16;
    for (Report r : reports) {
      height += TITLE + ROW * r.results().size() + 16;
    }
    StringBuilder svg = new StringBuilder(2048);
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH,
            height,
            WIDTH,
            height));
    svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    int y = 16;
    for (Report r : reports) {
      y = workload(svg, r, y);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static int workload(StringBuilder svg, Report r, int y) {
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"10\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            y + 16,
            escape(
                r.workload()
                    + ": "
                    + r.files()
                    + " files of "
                    + (r.size() < 0 ? "various sizes" : r.size() + " bytes")
                    + "; ops/s, longer is faster; ratio to "
                    + r.baseline())));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"10\" y=\"%d\" fill=\"#555\">%s</text>%n",
            y + 32,
            escape(r.cpus() + " cpus, JDK " + r.jdk() + ", " + r.kernel() + ", " + r.backend())));
    y += TITLE;
    double max = 0;
    for (Result res : r.results()) {
      max = Math.max(max, res.opsPerSecond());
    }
    for (Result res : r.results()) {
      // A nio row ROW/VARIANT is compared with ROW/jdk, the others with the baseline.
      Result base = r.baseOf(res);
      int length = max > 0 ? (int) Math.round(BAR_AREA * res.opsPerSecond() / max) : 0;
      String colour =
          res == base ? "#9e9e9e" : res.variant().contains("jvfs") ? "#1f77b4" : "#ff7f0e";
      svg.append(
          String.format(
              Locale.ROOT,
              "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
              LEFT - 8,
              y + BAR - 3,
              escape(res.variant())));
      svg.append(
          String.format(
              Locale.ROOT,
              "  <rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                  + "<title>%s</title></rect>%n",
              LEFT,
              y,
              Math.max(length, 1),
              BAR,
              colour,
              escape(
                  String.format(
                      Locale.ROOT,
                      "%s: %.0f ops/s, %.0f ns/op, p50 %d ns, p99 %d ns",
                      res.variant(),
                      res.opsPerSecond(),
                      res.nsPerOp(),
                      res.p50Ns(),
                      res.p99Ns()))));
      String ratio = base == null ? "" : String.format(Locale.ROOT, "  %.2fx", res.ratioTo(base));
      svg.append(
          String.format(
              Locale.ROOT,
              "  <text x=\"%d\" y=\"%d\">%s</text>%n",
              LEFT + Math.max(length, 1) + 6,
              y + BAR - 3,
              escape(String.format(Locale.ROOT, "%,.0f ops/s", res.opsPerSecond()) + ratio)));
      y += ROW;
    }
    return y + 16;
  }

  /** Escapes text for XML character data and attribute values. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
