package org.jvfs.spi;

import org.jspecify.annotations.Nullable;

/**
 * The POSIX error numbers a backend reports, with their Linux values ({@code
 * asm-generic/errno-base.h} and {@code asm-generic/errno.h}) and the reason text glibc's {@code
 * strerror} gives, which is the reason the JDK's own provider puts in a {@link
 * java.nio.file.FileSystemException}.
 */
public enum Errno {
  EPERM(1, "Operation not permitted"),
  ENOENT(2, "No such file or directory"),
  EINTR(4, "Interrupted system call"),
  EIO(5, "Input/output error"),
  ENXIO(6, "No such device or address"),
  EBADF(9, "Bad file descriptor"),
  EAGAIN(11, "Resource temporarily unavailable"),
  ENOMEM(12, "Cannot allocate memory"),
  EACCES(13, "Permission denied"),
  EBUSY(16, "Device or resource busy"),
  EEXIST(17, "File exists"),
  EXDEV(18, "Invalid cross-device link"),
  ENODEV(19, "No such device"),
  ENOTDIR(20, "Not a directory"),
  EISDIR(21, "Is a directory"),
  EINVAL(22, "Invalid argument"),
  ENFILE(23, "Too many open files in system"),
  EMFILE(24, "Too many open files"),
  ETXTBSY(26, "Text file busy"),
  EFBIG(27, "File too large"),
  ENOSPC(28, "No space left on device"),
  ESPIPE(29, "Illegal seek"),
  EROFS(30, "Read-only file system"),
  EMLINK(31, "Too many links"),
  ERANGE(34, "Numerical result out of range"),
  ENAMETOOLONG(36, "File name too long"),
  ENOLCK(37, "No locks available"),
  ENOSYS(38, "Function not implemented"),
  ENOTEMPTY(39, "Directory not empty"),
  ELOOP(40, "Too many levels of symbolic links"),
  EOVERFLOW(75, "Value too large for defined data type"),
  EILSEQ(84, "Invalid or incomplete multibyte or wide character"),
  EOPNOTSUPP(95, "Operation not supported"),
  ESTALE(116, "Stale file handle"),
  EDQUOT(122, "Disk quota exceeded"),
  ECANCELED(125, "Operation canceled");

  private final int code;
  private final String reason;

  Errno(int code, String reason) {
    this.code = code;
    this.reason = reason;
  }

  /** Returns the Linux error number. */
  public int code() {
    return code;
  }

  /** Returns the reason text, as {@code strerror(3)} gives it in the C locale. */
  public String reason() {
    return reason;
  }

  /**
   * Returns the constant for a Linux error number.
   *
   * @return the constant, or null if this enum has none for {@code code}
   */
  public static @Nullable Errno of(int code) {
    for (Errno e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    return null;
  }
}
