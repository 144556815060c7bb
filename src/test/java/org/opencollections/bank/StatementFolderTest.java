package org.opencollections.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop folder: each file read once, then kept in read/ or failed/ with the reason. */
class StatementFolderTest {

  @TempDir
  Path folder;

  private final ReadingStatements reading = mock(ReadingStatements.class);

  private StatementFolder statementFolder() {
    return new StatementFolder(new StatementFolderProperties(folder, Duration.ofMinutes(1)), reading,
        Clock.fixed(Instant.parse("2026-11-20T18:05:00Z"), ZoneOffset.UTC));
  }

  private void readsWell() {
    when(reading.read(any(), eq("day.xml"), eq(StatementFolder.READ_BY)))
        .thenReturn(new StatementReport("day.xml", "camt.053.001.08", "M", List.of("S"), 1, 1, 0, 0, 0, List.of()));
  }

  @Test
  void aStatementIsReadOnceAndKeptInRead() throws IOException {
    Files.writeString(folder.resolve("day.xml"), "<Document/>");
    Files.writeString(folder.resolve("notes.txt"), "not a statement");
    readsWell();
    StatementFolder statements = statementFolder();

    assertThat(statements.readWaitingFiles()).isEqualTo(1);
    assertThat(statements.readWaitingFiles()).as("nothing is read twice").isZero();

    verify(reading, times(1)).read(any(), eq("day.xml"), eq(StatementFolder.READ_BY));
    assertThat(folder.resolve("read/day.xml")).hasContent("<Document/>");
    assertThat(folder.resolve("day.xml")).doesNotExist();
    assertThat(folder.resolve("notes.txt")).exists();
  }

  @Test
  void anUnreadableFileGoesToFailedWithItsReason() throws IOException {
    Files.writeString(folder.resolve("cut.xml"), "<Document>");
    when(reading.read(any(), eq("cut.xml"), any()))
        .thenThrow(new UnreadableStatementException("The file is not well-formed XML (line 1, column 11): cut"));

    statementFolder().readWaitingFiles();

    assertThat(folder.resolve("failed/cut.xml")).exists();
    assertThat(folder.resolve("failed/cut.xml.error.txt")).content()
        .startsWith("The file is not well-formed XML (line 1, column 11): cut");
  }

  @Test
  void aFileThatCouldNotBeAppliedWaitsForTheNextLook() throws IOException {
    Files.writeString(folder.resolve("day.xml"), "<Document/>");
    when(reading.read(any(), any(), any())).thenThrow(new IllegalStateException("database down"));

    statementFolder().readWaitingFiles();

    assertThat(folder.resolve("day.xml")).exists();
    assertThat(folder.resolve("processing/day.xml")).doesNotExist();
  }

  @Test
  void aFileOfTheSameNameReadBeforeIsKeptBesideIt() throws IOException {
    Files.createDirectories(folder.resolve("read"));
    Files.writeString(folder.resolve("read/day.xml"), "yesterday's");
    Files.writeString(folder.resolve("day.xml"), "today's");
    readsWell();

    statementFolder().readWaitingFiles();

    assertThat(folder.resolve("read/day.xml")).hasContent("yesterday's");
    assertThat(folder.resolve("read/20261120-180500-day.xml")).hasContent("today's");
  }
}
