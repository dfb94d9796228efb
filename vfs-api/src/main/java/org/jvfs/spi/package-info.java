/**
 * The backend SPI: what a storage backend implements to be mounted in a {@link org.jvfs.Vfs}.
 *
 * <p>Every operation is asynchronous and returns a {@link java.util.concurrent.CompletionStage}. A
 * backend reports errors by failing the stage, preferably with a {@link
 * org.jvfs.spi.BackendException} carrying an {@link org.jvfs.spi.Errno}; the VFS translates it, in
 * one place, into the {@code java.nio.file} exception the JDK's own provider would throw, with the
 * path the caller used.
 *
 * <p>Backends never see paths, only a directory {@link org.jvfs.spi.Node} and a {@link
 * org.jvfs.spi.Name}: the VFS walks paths, follows symbolic links and resolves {@code ..} itself.
 * Backends are found with {@link java.util.ServiceLoader} through {@link
 * org.jvfs.spi.BackendProvider}.
 */
@NullMarked
package org.jvfs.spi;

import org.jspecify.annotations.NullMarked;
