package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one directory whose files COPY may read and write. A path is taken relative to it (or
 * may be absolute inside it); a path that leads outside it, through {@code ..} or a symbolic
 * link, is refused with 42501, before anything about the file is revealed. Immutable and
 * thread-safe.
 */
public final class ImportDirectory {
  private final @Nullable Path directory;
  private final boolean createIfMissing;
  private final String disabledReason;

  private ImportDirectory(@Nullable Path directory, boolean createIfMissing,
      String disabledReason) {
    this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
    this.createIfMissing = createIfMissing;
    this.disabledReason = disabledReason;
  }

  /** A directory configured by the user: it must exist when COPY runs. */
  public static ImportDirectory configured(Path directory) {
    return new ImportDirectory(directory, false, "");
  }

  /** The default directory of a database: created on the first COPY. */
  public static ImportDirectory byDefault(Path directory) {
    return new ImportDirectory(directory, true, "");
  }

  /** No directory: every COPY of a server-side file is refused, for the reason given. */
  public static ImportDirectory none(String reason) {
    return new ImportDirectory(null, false, reason);
  }

  /** The directory, or null when COPY of server-side files is disabled. */
  public @Nullable Path path() {
    return directory;
  }

  /**
   * The real path of an existing regular file inside the directory.
   *
   * @throws PlanningException 42501 outside the directory, 58P01 if there is no such file
   */
  public Path forReading(String path) {
    Path root = root();
    Path candidate = inside(root, path);
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (NoSuchFileException e) {
      throw new PlanningException(ErrorCode.UNDEFINED_FILE, "file '" + path
          + "' does not exist in the import directory " + root);
    } catch (IOException e) {
      throw new PlanningException(ErrorCode.IO_ERROR, "could not open '" + path + "': " + e, e);
    }
    if (!real.startsWith(root)) {
      throw outside(path, root);
    }
    if (!Files.isRegularFile(real)) {
      throw new PlanningException(ErrorCode.UNDEFINED_FILE,
          "'" + path + "' is not a regular file");
    }
    return real;
  }

  /**
   * Where a file may be written: inside the directory, in a directory that exists, and not a
   * symbolic link.
   *
   * @throws PlanningException 42501 outside the directory or through a link, 58P01 if the
   *     folder it would go in does not exist
   */
  public Path forWriting(String path) {
    Path root = root();
    Path candidate = inside(root, path);
    if (candidate.equals(root)) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          "'" + path + "' names the import directory itself, not a file in it");
    }
    Path parent;
    try {
      parent = candidate.getParent().toRealPath();
    } catch (NoSuchFileException e) {
      throw new PlanningException(ErrorCode.UNDEFINED_FILE, "the folder of '" + path
          + "' does not exist in the import directory " + root);
    } catch (IOException e) {
      throw new PlanningException(ErrorCode.IO_ERROR, "could not use '" + path + "': " + e, e);
    }
    if (!parent.startsWith(root) || Files.isSymbolicLink(candidate)) {
      throw outside(path, root);
    }
    Path target = parent.resolve(candidate.getFileName());
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          "'" + path + "' is a directory");
    }
    return target;
  }

  private Path root() {
    if (directory == null) {
      throw new PlanningException(ErrorCode.INSUFFICIENT_PRIVILEGE, disabledReason);
    }
    try {
      if (createIfMissing) {
        Files.createDirectories(directory);
      }
      return directory.toRealPath();
    } catch (NoSuchFileException e) {
      throw new PlanningException(ErrorCode.UNDEFINED_FILE,
          "the import directory " + directory + " does not exist");
    } catch (IOException e) {
      throw new PlanningException(ErrorCode.IO_ERROR,
          "could not use the import directory " + directory + ": " + e, e);
    }
  }

  private static Path inside(Path root, String path) {
    Path candidate;
    try {
      candidate = root.resolve(path).normalize();
    } catch (InvalidPathException e) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          "'" + path + "' is not a valid path: " + e.getMessage());
    }
    if (!candidate.startsWith(root)) {
      throw outside(path, root);
    }
    return candidate;
  }

  private static PlanningException outside(String path, Path root) {
    return new PlanningException(ErrorCode.INSUFFICIENT_PRIVILEGE, "COPY may only use files "
        + "inside the import directory " + root + "; '" + path + "' is outside it");
  }
}
