/**
 * The {@code java.nio.file} plug-in: a {@link java.nio.file.spi.FileSystemProvider} for the {@code
 * jvfs} URI scheme over a {@link org.jvfs.Vfs}, so that code written against {@link
 * java.nio.file.Files} runs on jvfs unchanged.
 *
 * <p>Get a file system with {@link java.nio.file.FileSystems#newFileSystem(java.net.URI,
 * java.util.Map)} and a {@code jvfs://NAME} URI (see {@link org.jvfs.nio.VfsFileSystemProvider} for
 * the env keys), or from an existing VFS with {@link org.jvfs.nio.VfsFileSystems#of}. {@link
 * org.jvfs.nio.AsyncPaths} reaches the asynchronous API from a jvfs {@link java.nio.file.Path}.
 */
@NullMarked
package org.jvfs.nio;

import org.jspecify.annotations.NullMarked;
