package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaults() throws UsageException {
    Options o = Options.parse("smallfiles");
    assertThat(o).isNotNull();
    assertThat(o.workload()).isEqualTo(Workload.SMALLFILES);
    assertThat(o.dir()).isNull();
    assertThat(o.files()).isEqualTo(10_000);
    assertThat(o.size()).isEqualTo(4096);
    assertThat(o.inFlight()).isEqualTo(64);
    assertThat(o.json()).isFalse();
    assertThat(o.warmups()).isEqualTo(5);
    assertThat(o.rounds()).isEqualTo(7);
    assertThat(o.variants()).isEmpty();
    assertThat(o.wants("jdk-async")).isTrue();
    assertThat(o.ioThreads()).isZero();
    assertThat(o.posixProbe()).isTrue();
  }

  @Test
  void tree_isAnOptionOfNio() throws UsageException {
    assertThat(Options.parse("nio").tree()).isNull();
    assertThat(Options.parse("nio", "--tree", "/tmp/doc").tree()).isEqualTo(Path.of("/tmp/doc"));
    assertThat(Options.parse("nio", "--tree=/x").tree()).isEqualTo(Path.of("/x"));
    assertThat(Options.parse("nio", "--tree=/x").withDir(Path.of("/d")).tree())
        .isEqualTo(Path.of("/x"));
    assertThatThrownBy(() -> Options.parse("smallfiles", "--tree", "/x"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--tree is an option of the nio workload");
    assertThatThrownBy(() -> Options.parse("nio", "--tree="))
        .isInstanceOf(UsageException.class)
        .hasMessage("--tree needs a directory path");
    assertThat(Options.parse("nio").policy()).isNull();
    assertThat(Options.parse("nio", "--policy", "watch:PT1H").policy()).isEqualTo("watch:PT1H");
    assertThatThrownBy(() -> Options.parse("lookup", "--policy=private"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--policy is an option of the nio workload");
    assertThatThrownBy(() -> Options.parse("nio", "--variants", "jvfs-memory"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("known: jdk, jvfs-posix");
  }

  @Test
  void noPosixProbe() throws UsageException {
    assertThat(Options.parse("smallfiles", "--no-posix-probe").posixProbe()).isFalse();
    assertThatThrownBy(() -> Options.parse("smallfiles", "--no-posix-probe=1"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--no-posix-probe takes no value");
  }

  @Test
  void storm() throws UsageException {
    assertThat(Options.parse("lookup").storm()).isZero();
    assertThat(Options.parse("lookup", "--storm").storm()).isEqualTo(Options.DEFAULT_STORM);
    assertThat(Options.parse("lookup", "--storm=300").storm()).isEqualTo(300);
    assertThatThrownBy(() -> Options.parse("smallfiles", "--storm"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--storm is an option of the lookup workload");
    assertThatThrownBy(() -> Options.parse("lookup", "--storm=0"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--storm must be between 1 and 1000000, not 0");
  }

  @Test
  void everyFlag() throws UsageException {
    Options o =
        Options.parse(
            "--dir",
            "/tmp/t",
            "lookup",
            "--files",
            "50",
            "--size=100",
            "--in-flight",
            "8",
            "--json",
            "--warmup",
            "0",
            "--rounds",
            "3",
            "--io-threads",
            "2",
            "--posix-probe",
            "--variants",
            "jdk-readAttributes,jvfs-lookupNow-hit");
    assertThat(o).isNotNull();
    assertThat(o.workload()).isEqualTo(Workload.LOOKUP);
    assertThat(o.dir()).isEqualTo(Path.of("/tmp/t"));
    assertThat(o.files()).isEqualTo(50);
    assertThat(o.size()).isEqualTo(100);
    assertThat(o.inFlight()).isEqualTo(8);
    assertThat(o.json()).isTrue();
    assertThat(o.warmups()).isZero();
    assertThat(o.rounds()).isEqualTo(3);
    assertThat(o.ioThreads()).isEqualTo(2);
    assertThat(o.posixProbe()).isTrue();
    assertThat(o.wants("jdk-readAttributes")).isTrue();
    assertThat(o.wants("jvfs-lookupNow-hit")).isTrue();
    assertThat(o.wants("jdk-exists-absent")).isFalse();
  }

  @Test
  void helpIsNull() throws UsageException {
    assertThat(Options.parse("--help")).isNull();
    assertThat(Options.parse("lookup", "-h")).isNull();
  }

  @Test
  void badCommandLines() {
    assertUsage("missing workload", new String[] {});
    assertUsage("missing workload", "--files", "5");
    assertUsage("unknown workload: bogus", "bogus");
    assertUsage("unknown option: --frobnicate", "smallfiles", "--frobnicate");
    assertUsage("unknown option: -x", "smallfiles", "-x");
    assertUsage("--files needs a value", "smallfiles", "--files");
    assertUsage("--files needs a whole number, not 'many'", "smallfiles", "--files", "many");
    assertUsage("--files must be between 1 and", "smallfiles", "--files", "0");
    assertUsage("--size must be between 0 and", "smallfiles", "--size", "-1");
    assertUsage("--in-flight must be between 1 and", "smallfiles", "--in-flight=0");
    assertUsage("--rounds must be between 1 and", "smallfiles", "--rounds", "0");
    assertUsage("--io-threads must be between 1 and", "lookup", "--io-threads", "0");
    assertUsage("--json takes no value", "smallfiles", "--json=yes");
    assertUsage("one workload only", "smallfiles", "lookup");
    assertUsage(
        "unknown variant of smallfiles: 'jdk-readAttributes'",
        "smallfiles",
        "--variants",
        "jdk-readAttributes");
    assertUsage("--dir needs a directory path", "smallfiles", "--dir=");
  }

  private static void assertUsage(String message, String... args) {
    assertThatThrownBy(() -> Options.parse(args))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(message);
  }
}
