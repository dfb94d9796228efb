package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.jvfs.bench.Report;
import org.jvfs.bench.Result;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {
  private static Report report(String workload, List<Result> results) {
    return new Report(
        workload,
        1000,
        4096,
        64,
        2,
        "17 <&\"'>",
        "Linux",
        "posix",
        "0.1 0.1 0.1",
        results.get(0).variant(),
        1,
        3,
        20,
        results,
        List.of());
  }

  @Test
  void of_isWellFormedXmlWithOneBarPerRow_lengthsInProportion() throws Exception {
    Report a =
        report(
            "smallfiles",
            List.of(
                new Result("jdk-readAllBytes", 100_000, 10_000, 1, 2, 3),
                new Result("jvfs-<posix>&", 200_000, 5_000, 1, 2, 3)));
    Report b = report("lookup", List.of(new Result("jdk-readAttributes", 50, 2e7, 1, 2)));
    String svg = SvgChart.of(List.of(a, b));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    NodeList rects = doc.getElementsByTagName("rect");
    List<Element> bars = new java.util.ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element e = (Element) rects.item(i);
      if ("bar".equals(e.getAttribute("class"))) {
        bars.add(e);
      }
    }
    assertThat(bars).hasSize(3);
    int half = Integer.parseInt(bars.get(0).getAttribute("width"));
    int full = Integer.parseInt(bars.get(1).getAttribute("width"));
    assertThat(full).isEqualTo(2 * half);
    assertThat(svg).contains("jvfs-&lt;posix&gt;&amp;").contains("2.00x").contains("200,000 ops/s");
  }
}
