package org.jvfs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jvfs.bench.Problems;
import org.jvfs.bench.TreeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code jvfs} command's entry point and top-level command. Exit codes: {@value #OK} done,
 * {@value #FAILED} could not be done (a missing directory, a full disk, something not available
 * here), {@value #USAGE} a bad command line. A user's mistake is one line on stderr, {@code jvfs:
 * WHAT}, never a stack trace; an unexpected failure (a bug) prints its trace.
 */
@Command(
    name = "jvfs",
    mixinStandardHelpOptions = true,
    versionProvider = Jvfs.Version.class,
    description =
        "jvfs, an async virtual file system for the JVM: check this machine, measure,"
            + " and look at trees through jvfs.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Mount specs:",
      "  memory     a small sample tree in memory",
      "  posix:DIR  the posix backend, confined to DIR",
      "  aio:DIR    the io_uring backend, confined to DIR (posix where io_uring is off)",
      "  auto:DIR   the best backend there is (jvfs doctor says which, and why)",
      "",
      "Exit codes: 0 done, 1 could not be done, 2 bad command line."
    })
public final class Jvfs implements Runnable {
  /** Exit code: done. */
  public static final int OK = 0;

  /** Exit code: the command could not be done (missing directory, full disk, not available). */
  public static final int FAILED = 1;

  /** Exit code: a bad command line (unknown command, option, mount spec or workload). */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Jvfs() {}

  /** With no command: the usage, and a bad-command-line exit. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  /**
   * Runs the command and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    boolean interactive = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    Context context =
        new Context(
            out, err, interactive, new Mounts(), java.util.function.UnaryOperator.identity());
    int code = run(context, args);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs the command without exiting.
   *
   * @param context where output goes and how mounts open
   * @param args the command line
   * @return the exit code: {@link #OK}, {@link #FAILED} or {@link #USAGE}
   */
  static int run(Context context, String... args) {
    CommandLine cli = commandLine(context);
    return cli.execute(args);
  }

  /** Returns the command line with every subcommand, wired to the context. */
  static CommandLine commandLine(Context context) {
    CommandLine cli = new CommandLine(new Jvfs());
    cli.addSubcommand(new DoctorCommand(context));
    cli.addSubcommand(new BenchCommand(context));
    cli.addSubcommand(new LsCommand(context));
    cli.addSubcommand(new StatCommand(context));
    cli.addSubcommand(new CatCommand(context));
    cli.addSubcommand(new TreeCommand(context));
    cli.addSubcommand(new FindCommand(context));
    cli.addSubcommand(new DuCommand(context));
    cli.setOut(new java.io.PrintWriter(context.out(), true));
    cli.setErr(new java.io.PrintWriter(context.err(), true));
    cli.setParameterExceptionHandler((ex, args) -> usageError(context, ex));
    cli.setExecutionExceptionHandler((ex, line, parsed) -> failure(context, ex));
    return cli;
  }

  /** One line for a bad command line: what is wrong, and where to read more. */
  private static int usageError(Context context, ParameterException ex) {
    CommandLine where = ex.getCommandLine();
    String name = where.getCommandSpec().qualifiedName();
    String message = ex.getMessage();
    if (ex instanceof UnmatchedArgumentException u && where.getCommandSpec().parent() == null) {
      java.util.List<String> unmatched = u.getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      message =
          first.startsWith("-")
              ? "unknown option '" + first + "'"
              : "unknown command '"
                  + first
                  + "'; commands: "
                  + String.join(", ", where.getSubcommands().keySet());
    } else if (ex instanceof UnmatchedArgumentException u) {
      message =
          "unknown "
              + (u.getUnmatched().get(0).startsWith("-") ? "option" : "argument")
              + " '"
              + u.getUnmatched().get(0)
              + "'";
    }
    context.err().println(name + ": " + lowerFirst(message) + " (" + name + " --help)");
    return USAGE;
  }

  /** One line for a user's mistake; the stack trace for anything else. */
  private static int failure(Context context, Exception ex) {
    Throwable t = unwrap(ex);
    if (t instanceof ParameterException p) {
      return usageError(context, p);
    }
    if (t instanceof CliException c) {
      context.err().println("jvfs: " + c.getMessage());
      return c.exitCode();
    }
    if (t instanceof TreeException) {
      context.err().println("jvfs: " + t.getMessage());
      return FAILED;
    }
    if (t instanceof IOException io) {
      context.err().println("jvfs: " + describe(io));
      return FAILED;
    }
    context.err().println("jvfs: unexpected failure, a bug in jvfs: " + t);
    t.printStackTrace(context.err());
    return FAILED;
  }

  /** Returns "PATH: REASON" for a file system failure, else its reason. */
  static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + ": " + Problems.reason(f);
    }
    return Problems.reason(e);
  }

  /** Peels the wrappers futures and reflection put around a failure. */
  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException
            || t instanceof ExecutionException
            || t instanceof java.lang.reflect.InvocationTargetException
            || t instanceof java.io.UncheckedIOException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** The version: the jar's implementation version, else "development". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Jvfs.class.getPackage().getImplementationVersion();
      return new String[] {
        "jvfs " + (v == null ? "0.1.0-SNAPSHOT" : v),
        "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
