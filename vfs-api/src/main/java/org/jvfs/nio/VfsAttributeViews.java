package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.NodeAttributes;

/**
 * The attribute views of jvfs paths and their string forms ({@code "posix:permissions,owner"}):
 * {@code basic} always; {@code owner}, {@code posix} and {@code unix} where the root mount's
 * backend keeps owners and permissions. The {@code unix} view is read-only apart from its posix
 * attributes and has {@code mode}, {@code nlink}, {@code uid}, {@code gid} and {@code ctime}, not
 * {@code ino}, {@code dev} or {@code rdev}.
 */
final class VfsAttributeViews {
  private VfsAttributeViews() {}

  /** Returns a view of {@code path}, or null if the type is not supported. */
  static <V extends FileAttributeView> @Nullable V view(
      VfsPath path, Class<V> type, LinkOption... options) {
    checkNotNull(type, "type");
    Set<String> views = path.getFileSystem().supportedFileAttributeViews();
    Object v = null;
    if (type == BasicFileAttributeView.class) {
      v = new VfsBasicAttributeView(path, options);
    } else if (type == PosixFileAttributeView.class && views.contains("posix")) {
      v = new VfsPosixAttributeView("posix", path, options);
    } else if (type == FileOwnerAttributeView.class && views.contains("owner")) {
      v = new VfsPosixAttributeView("owner", path, options);
    }
    return type.cast(v);
  }

  /**
   * Reads attributes as a class.
   *
   * @throws UnsupportedOperationException for a class other than basic or (where supported) posix
   */
  static <A extends BasicFileAttributes> A read(VfsPath path, Class<A> type, LinkOption... options)
      throws IOException {
    checkNotNull(type, "type");
    if (type == BasicFileAttributes.class) {
      return type.cast(new VfsBasicAttributeView(path, options).readAttributes());
    }
    if (type == PosixFileAttributes.class
        && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return type.cast(new VfsPosixAttributeView("posix", path, options).readAttributes());
    }
    throw new UnsupportedOperationException("attributes class not supported: " + type.getName());
  }

  /** Converts cached attributes to the requested class, or null if that class is not supported. */
  static <A extends BasicFileAttributes> @Nullable A convert(
      VfsPath path, NodeAttributes a, Class<A> type) {
    if (type == BasicFileAttributes.class) {
      return type.cast(a);
    }
    if (type == PosixFileAttributes.class
        && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return type.cast(new VfsPosixAttributes(a));
    }
    return null;
  }

  private static String viewOf(VfsPath path, String attributes, int colon) {
    String view = colon < 0 ? "basic" : attributes.substring(0, colon);
    if (!path.getFileSystem().supportedFileAttributeViews().contains(view)) {
      throw new UnsupportedOperationException("View '" + view + "' not available");
    }
    return view;
  }

  /** Reads attributes by their string form, as {@code Files.readAttributes(Path, String)}. */
  static Map<String, Object> readMap(VfsPath path, String attributes, LinkOption... options)
      throws IOException {
    checkNotNull(attributes, "attributes");
    int colon = attributes.indexOf(':');
    String view = viewOf(path, attributes, colon);
    String list = attributes.substring(colon + 1);
    NodeAttributes a = new VfsBasicAttributeView(path, options).stat();
    Map<String, Object> all = all(view, a);
    if (list.equals("*")) {
      return all;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : list.split(",", -1)) {
      if (name.equals("*")) {
        out.putAll(all);
      } else if (all.containsKey(name)) {
        out.put(name, all.get(name));
      } else {
        throw new IllegalArgumentException("'" + name + "' not recognized");
      }
    }
    return out;
  }

  private static Map<String, Object> all(String view, NodeAttributes a) {
    Map<String, Object> m = new LinkedHashMap<>();
    VfsPosixAttributes p = new VfsPosixAttributes(a);
    if (view.equals("owner")) {
      m.put("owner", p.owner());
      return m;
    }
    m.put("lastModifiedTime", a.lastModifiedTime());
    m.put("lastAccessTime", a.lastAccessTime());
    m.put("creationTime", a.creationTime());
    m.put("size", a.size());
    m.put("isRegularFile", a.isRegularFile());
    m.put("isDirectory", a.isDirectory());
    m.put("isSymbolicLink", a.isSymbolicLink());
    m.put("isOther", a.isOther());
    Object key = a.fileKey();
    if (key != null) {
      m.put("fileKey", key);
    }
    if (view.equals("basic")) {
      return m;
    }
    m.put("permissions", p.permissions());
    m.put("owner", p.owner());
    m.put("group", p.group());
    if (view.equals("unix")) {
      m.put("mode", mode(p.permissions()) | typeBits(a));
      m.put("nlink", a.linkCount());
      m.put("uid", a.uid());
      m.put("gid", a.gid());
      m.put("ctime", a.changeTime());
    }
    return m;
  }

  private static int typeBits(NodeAttributes a) {
    if (a.isDirectory()) {
      return 0040000;
    }
    if (a.isSymbolicLink()) {
      return 0120000;
    }
    return a.isRegularFile() ? 0100000 : 0;
  }

  private static int mode(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : PosixFilePermission.values()) {
      if ((mode & (1 << (8 - p.ordinal()))) != 0) {
        perms.add(p);
      }
    }
    return perms;
  }

  /** Sets one attribute by its string form, as {@code Files.setAttribute}. */
  static void set(VfsPath path, String attribute, @Nullable Object value, LinkOption... options)
      throws IOException {
    checkNotNull(attribute, "attribute");
    int colon = attribute.indexOf(':');
    String view = viewOf(path, attribute, colon);
    String name = attribute.substring(colon + 1);
    boolean time = name.endsWith("Time") && !view.equals("owner");
    boolean posix = view.equals("posix") || view.equals("unix");
    boolean allowed =
        switch (name) {
          case "lastModifiedTime", "lastAccessTime", "creationTime" -> time;
          case "owner" -> !view.equals("basic");
          case "permissions", "group" -> posix;
          case "mode" -> view.equals("unix");
          default -> false;
        };
    if (!allowed) {
      throw new IllegalArgumentException("'" + attribute + "' not recognized");
    }
    VfsPosixAttributeView v = new VfsPosixAttributeView(view, path, options);
    switch (name) {
      case "lastModifiedTime" -> v.setTimes(time(value), null, null);
      case "lastAccessTime" -> v.setTimes(null, time(value), null);
      case "creationTime" -> v.setTimes(null, null, time(value));
      case "permissions" -> v.setPermissions(perms(value));
      case "owner" -> v.setOwner(cast(value, UserPrincipal.class));
      case "group" -> v.setGroup(cast(value, GroupPrincipal.class));
      default -> v.setPermissions(permissions(cast(value, Integer.class)));
    }
  }

  private static FileTime time(@Nullable Object value) {
    return cast(value, FileTime.class);
  }

  @SuppressWarnings("unchecked")
  private static Set<PosixFilePermission> perms(@Nullable Object value) {
    return (Set<PosixFilePermission>) cast(value, Set.class);
  }

  private static <T> T cast(@Nullable Object value, Class<T> type) {
    checkNotNull(value, "value");
    if (!type.isInstance(value)) {
      throw new ClassCastException(
          "expected " + type.getName() + ", got " + value.getClass().getName());
    }
    return type.cast(value);
  }
}
