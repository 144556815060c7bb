package org.opencollections.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the statement files put into {@code collections.bank.statement-folder}: each {@code .xml}
 * file is taken (moved into {@code processing/}, so that of several nodes only one reads it), read
 * as a statement, and moved to {@code read/}, or to {@code failed/} with a {@code .error.txt}
 * beside it saying why. Nothing is deleted.
 */
@Component
@ConditionalOnProperty(prefix = "collections.bank", name = "statement-folder")
class StatementFolder {

  static final String READ_BY = "statement folder";

  private static final Logger log = LoggerFactory.getLogger(StatementFolder.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path folder;
  private final ReadingStatements reading;
  private final Clock clock;

  StatementFolder(StatementFolderProperties properties, ReadingStatements reading, Clock clock) {
    this.folder = properties.statementFolder();
    this.reading = reading;
    this.clock = clock;
    try {
      for (String sub : List.of("processing", "read", "failed")) {
        Files.createDirectories(folder.resolve(sub));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use statement folder " + folder.toAbsolutePath(), e);
    }
    log.info("Reading bank statements put into {} every {}", folder.toAbsolutePath(),
        properties.statementFolderPoll());
  }

  @Scheduled(fixedDelayString = "${collections.bank.statement-folder-poll:PT1M}", initialDelayString = "PT5S")
  void poll() {
    readWaitingFiles();
  }

  /** Reads every file waiting in the folder; returns how many were taken. */
  int readWaitingFiles() {
    List<Path> waiting;
    try (Stream<Path> files = Files.list(folder)) {
      waiting = files.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().toLowerCase().endsWith(".xml"))
          .sorted().toList();
    } catch (IOException e) {
      log.error("Cannot list statement folder {}: {}", folder.toAbsolutePath(), e.getMessage());
      return 0;
    }
    int taken = 0;
    for (Path file : waiting) {
      Path processing = take(file);
      if (processing != null) {
        taken++;
        read(processing, file.getFileName().toString());
      }
    }
    return taken;
  }

  /** Moves the file into processing/ in one step; null when another node took it first. */
  private Path take(Path file) {
    Path target = folder.resolve("processing").resolve(file.getFileName());
    try {
      return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException | FileAlreadyExistsException e) {
      return null;
    } catch (AtomicMoveNotSupportedException e) {
      log.error("Statement folder {} cannot move files atomically; not reading {}", folder, file);
      return null;
    } catch (IOException e) {
      log.error("Cannot take statement file {}: {}", file, e.getMessage());
      return null;
    }
  }

  private void read(Path file, String name) {
    try {
      StatementReport report = reading.read(Files.readAllBytes(file), name, READ_BY);
      move(file, "read", name);
      log.info("Statement file {} read from the folder: {} recorded, {} for a clerk, {} read before",
          name, report.recorded(), report.toMatch(), report.known());
    } catch (UnreadableStatementException e) {
      log.warn("Statement file {} could not be read and was moved to failed/: {}", name, e.getMessage());
      Path moved = move(file, "failed", name);
      writeError(moved, e.getMessage());
    } catch (IOException | RuntimeException e) {
      // A database outage, say: the file goes back to be read again at the next look.
      log.error("Statement file {} could not be applied; it stays for the next attempt", name, e);
      try {
        Files.move(file, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException moveBack) {
        log.error("Cannot put statement file {} back: {}", name, moveBack.getMessage());
      }
    }
  }

  private Path move(Path file, String to, String name) {
    Path target = folder.resolve(to).resolve(name);
    if (Files.exists(target)) {
      target = folder.resolve(to).resolve(STAMP.format(clock.instant().atZone(clock.getZone())) + "-" + name);
    }
    try {
      return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + file + " to " + to + "/", e);
    }
  }

  private static void writeError(Path file, String message) {
    try {
      Files.writeString(file.resolveSibling(file.getFileName() + ".error.txt"), message + System.lineSeparator(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.error("Cannot write the error beside {}: {}", file, e.getMessage());
    }
  }
}
