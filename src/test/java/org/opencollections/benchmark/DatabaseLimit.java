package org.opencollections.benchmark;

import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The limit a benchmark measures against: how long the database itself takes to write the very rows
 * a phase of the application wrote, with plain JDBC batch inserts. Each figure of the benchmark can
 * then be stated as a fraction of what the database allows.
 *
 * <p>Before the phase, {@link #snapshot(DataSource)} remembers which rows the source database holds;
 * after it, {@link #copyNewRows(DataSource, Snapshot, DataSource)} reads the rows added since and
 * writes them into a target database with the same tables. Every table of the connection's current
 * schema takes part (H2: {@code PUBLIC}; PostgreSQL: usually {@code public}). Only rows added are
 * copied: a row that existed at the snapshot and was changed or deleted since does not show.
 *
 * <p>Plain JDBC over {@link DataSource}, for H2 and PostgreSQL alike; nothing is added to the
 * connection's settings (a PostgreSQL caller may give {@code reWriteBatchedInserts=true} in its URL).
 */
public final class DatabaseLimit {

  /** Rows per batch, and per commit, unless the caller says otherwise. */
  public static final int BATCH_SIZE = 1_000;

  private static final String[] TABLE_TYPES = {"TABLE", "BASE TABLE"};

  /** Rows the source sends per round trip while reading; PostgreSQL otherwise sends a whole table. */
  private static final int FETCH_SIZE = 1_000;

  private DatabaseLimit() {
  }

  /**
   * Which rows the tables held at one moment.
   *
   * @param keys for each table with a primary key, the key of every row (the key's columns in their
   *     order, joined into one string)
   * @param rowsWithoutKey for each table without a primary key, how many rows it held
   */
  public record Snapshot(Map<String, Set<String>> keys, Map<String, Long> rowsWithoutKey) {
  }

  /**
   * What {@link #copyNewRows} wrote and how long the writing took.
   *
   * @param rowsPerTable rows written per table, in the order they were written
   * @param batchSize rows per batch and per commit
   * @param nanos the time of the inserting alone, see {@link #copyNewRows(DataSource, Snapshot,
   *     DataSource, int)}
   * @param skipped tables whose new rows could not be told apart from the old ones, with the reason
   */
  public record Result(Map<String, Integer> rowsPerTable, int batchSize, long nanos,
      Map<String, String> skipped) {

    /** The rows written, all tables together. */
    public long rows() {
      return rowsPerTable.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Rows written per second of inserting; 0 when there was nothing to write. */
    public double rowsPerSecond() {
      return nanos == 0 ? 0 : rows() * 1e9 / nanos;
    }

    /** A few lines for the benchmark's output: the totals, then the tables, the largest first. */
    public String describe() {
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
          "%,d rows written with plain JDBC batches of %,d in %.2f s: %,.0f rows/s%n", rows(),
          batchSize, nanos / 1e9, rowsPerSecond()));
      int width = rowsPerTable.keySet().stream().mapToInt(String::length).max().orElse(0);
      rowsPerTable.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(table -> text.append(String.format(Locale.ROOT, "  %-" + width + "s %,10d%n",
              table.getKey(), table.getValue())));
      skipped.forEach((table, reason) -> text.append("  skipped ").append(table).append(": ")
          .append(reason).append(System.lineSeparator()));
      return text.toString();
    }
  }

  /** A table, its primary key (empty if it has none) and the foreign keys it holds. */
  private record Table(String name, List<String> key, List<ForeignKey> foreignKeys) {

    boolean references(String table) {
      return foreignKeys.stream().anyMatch(foreignKey -> foreignKey.parent().equals(table));
    }
  }

  /** Columns of one table that reference columns of a parent table (possibly the same table). */
  private record ForeignKey(String parent, List<String> columns, List<String> parentColumns) {
  }

  /** The rows of a table that are new since the snapshot, every column as the driver read it. */
  private record NewRows(Table table, List<String> columns, int[] sqlTypes, List<Object[]> rows) {
  }

  /** Remembers which rows every table of the database's current schema holds now. */
  public static Snapshot snapshot(DataSource db) {
    try (Connection connection = db.getConnection()) {
      Map<String, Set<String>> keys = new HashMap<>();
      Map<String, Long> rowsWithoutKey = new HashMap<>();
      String quote = connection.getMetaData().getIdentifierQuoteString();
      for (Table table : tables(connection)) {
        if (table.key().isEmpty()) {
          try (Statement sql = connection.createStatement();
              ResultSet count = sql.executeQuery("select count(*) from " + quoted(table.name(), quote))) {
            count.next();
            rowsWithoutKey.put(table.name(), count.getLong(1));
          }
        } else {
          Set<String> tableKeys = new HashSet<>();
          String columns = table.key().stream().map(column -> quoted(column, quote))
              .collect(Collectors.joining(", "));
          try (Statement sql = connection.createStatement();
              ResultSet rows = sql.executeQuery("select " + columns + " from " + quoted(table.name(), quote))) {
            int[] keyColumns = new int[table.key().size()];
            Arrays.setAll(keyColumns, column -> column);
            while (rows.next()) {
              tableKeys.add(key(values(rows, keyColumns.length), keyColumns));
            }
          }
          keys.put(table.name(), tableKeys);
        }
      }
      return new Snapshot(keys, rowsWithoutKey);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the snapshot of the database", e);
    }
  }

  /** {@link #copyNewRows(DataSource, Snapshot, DataSource, int)} in batches of {@value #BATCH_SIZE}. */
  public static Result copyNewRows(DataSource source, Snapshot before, DataSource target) {
    return copyNewRows(source, before, target, BATCH_SIZE);
  }

  /**
   * Writes the rows the source gained since {@code before} into the target, and times the writing.
   *
   * <p>First, untimed, every row of the source whose primary key is not in {@code before} is read
   * (all columns; BLOBs and CLOBs read out in full) and held in memory. A table without a primary
   * key is copied whole if it was empty at the snapshot; otherwise its new rows cannot be told from
   * the old ones, and it is skipped and named in {@link Result#skipped()}.
   *
   * <p>Then, timed, the rows are inserted into the target on one connection and one thread, with
   * auto-commit off: one {@code insert} statement per table, prepared once, parameters bound with
   * {@code setObject} ({@code setNull} with the column's SQL type for nulls), {@code addBatch()} per
   * row, {@code executeBatch()} and a commit every {@code batchSize} rows and after a table's last
   * row.
   * The time includes preparing the statements, binding, the batches and the commits; it excludes
   * getting the connection, reading the source, the metadata and putting the rows in order.
   *
   * <p>The target keeps every index and constraint in force, foreign keys included: tables are
   * written parents first (as the foreign keys of the database's metadata say), and within a table
   * that references itself, parent rows before the rows that reference them. A cycle of foreign
   * keys between tables, or between new rows, cannot be written so and fails. The target must hold
   * the tables and every row the new rows reference that existed at the snapshot, and none of the
   * new rows' keys: it is a database made the same way as the source was up to the snapshot. A key
   * the target already holds fails the copy (naming the table) rather than being skipped.
   *
   * @throws IllegalStateException if reading or writing fails, or the rows cannot be put in an
   *     order the foreign keys allow; batches committed before stay in the target
   */
  public static Result copyNewRows(DataSource source, Snapshot before, DataSource target, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("A batch holds at least one row, not " + batchSize);
    }
    Map<String, String> skipped = new LinkedHashMap<>();
    List<NewRows> tables = new ArrayList<>();
    try (Connection connection = source.getConnection()) {
      connection.setAutoCommit(false); // PostgreSQL fetches in parts only within a transaction
      String quote = connection.getMetaData().getIdentifierQuoteString();
      for (Table table : tables(connection)) {
        long rowsThen = before.rowsWithoutKey().getOrDefault(table.name(), 0L);
        if (table.key().isEmpty() && rowsThen > 0) {
          skipped.put(table.name(), "no primary key, and " + rowsThen
              + " rows at the snapshot: its new rows cannot be told from the old ones");
        } else {
          NewRows rows = read(connection, quote, table, before.keys().getOrDefault(table.name(), Set.of()));
          if (!rows.rows().isEmpty()) {
            tables.add(new NewRows(table, rows.columns(), rows.sqlTypes(), parentsFirst(rows)));
          }
        }
      }
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the new rows of the source", e);
    }
    tables = parentsFirst(tables);

    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      String quote = connection.getMetaData().getIdentifierQuoteString();
      Map<String, Integer> rowsPerTable = new LinkedHashMap<>();
      long start = System.nanoTime();
      for (NewRows rows : tables) {
        insert(connection, quote, rows, batchSize);
        rowsPerTable.put(rows.table().name(), rows.rows().size());
      }
      long nanos = System.nanoTime() - start;
      return new Result(Collections.unmodifiableMap(rowsPerTable), batchSize, nanos,
          Collections.unmodifiableMap(skipped));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write into the target", e);
    }
  }

  /** The tables of the connection's current schema, by name, with their keys and foreign keys. */
  private static List<Table> tables(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = connection.getSchema();
    String escape = metaData.getSearchStringEscape();
    String schemaPattern = schema.replace("_", escape + "_").replace("%", escape + "%");
    List<String> names = new ArrayList<>();
    try (ResultSet tables = metaData.getTables(catalog, schemaPattern, null, TABLE_TYPES)) {
      while (tables.next()) {
        if (schema.equals(tables.getString("TABLE_SCHEM"))) {
          names.add(tables.getString("TABLE_NAME"));
        }
      }
    }
    Collections.sort(names);
    List<Table> tables = new ArrayList<>();
    for (String name : names) {
      Map<Short, String> key = new TreeMap<>();
      try (ResultSet columns = metaData.getPrimaryKeys(catalog, schema, name)) {
        while (columns.next()) {
          key.put(columns.getShort("KEY_SEQ"), columns.getString("COLUMN_NAME"));
        }
      }
      // one row per column, a key's columns in order; keys named by their constraint
      Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
      try (ResultSet columns = metaData.getImportedKeys(catalog, schema, name)) {
        while (columns.next()) {
          String parent = columns.getString("PKTABLE_NAME");
          if (schema.equals(columns.getString("PKTABLE_SCHEM")) && names.contains(parent)) {
            ForeignKey foreignKey = foreignKeys.computeIfAbsent(parent + "." + columns.getString("FK_NAME"),
                constraint -> new ForeignKey(parent, new ArrayList<>(), new ArrayList<>()));
            foreignKey.columns().add(columns.getString("FKCOLUMN_NAME"));
            foreignKey.parentColumns().add(columns.getString("PKCOLUMN_NAME"));
          }
        }
      }
      tables.add(new Table(name, List.copyOf(key.values()), List.copyOf(foreignKeys.values())));
    }
    return tables;
  }

  /** The rows of the table whose key is not among {@code keysBefore}; all of them if it has no key. */
  private static NewRows read(Connection connection, String quote, Table table, Set<String> keysBefore)
      throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.setFetchSize(FETCH_SIZE);
      try (ResultSet rows = sql.executeQuery("select * from " + quoted(table.name(), quote))) {
        ResultSetMetaData metaData = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        int[] sqlTypes = new int[metaData.getColumnCount()];
        for (int column = 0; column < sqlTypes.length; column++) {
          columns.add(metaData.getColumnName(column + 1));
          sqlTypes[column] = metaData.getColumnType(column + 1);
        }
        int[] keyColumns = indexes(columns, table.key());
        List<Object[]> newRows = new ArrayList<>();
        while (rows.next()) {
          Object[] row = values(rows, sqlTypes.length);
          if (keyColumns.length == 0 || !keysBefore.contains(key(row, keyColumns))) {
            newRows.add(row);
          }
        }
        return new NewRows(table, columns, sqlTypes, newRows);
      }
    }
  }

  /**
   * The values of the current row; BLOBs and CLOBs read out into {@code byte[]} and {@code String},
   * as they are valid only while the row is.
   */
  private static Object[] values(ResultSet rows, int columns) throws SQLException {
    Object[] row = new Object[columns];
    for (int column = 0; column < columns; column++) {
      Object value = rows.getObject(column + 1);
      if (value instanceof Blob blob) {
        value = blob.getBytes(1, Math.toIntExact(blob.length()));
        blob.free();
      } else if (value instanceof Clob clob) {
        value = clob.getSubString(1, Math.toIntExact(clob.length()));
        clob.free();
      }
      row[column] = value;
    }
    return row;
  }

  /**
   * The values of the given columns as one string, each value preceded by its length so that no two
   * different keys read alike. Bytes are written in hex.
   */
  private static String key(Object[] row, int[] columns) {
    StringBuilder key = new StringBuilder();
    for (int column : columns) {
      String value = row[column] instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
          : String.valueOf(row[column]);
      key.append(value.length()).append(':').append(value);
    }
    return key.toString();
  }

  private static int[] indexes(List<String> columns, List<String> names) {
    return names.stream().mapToInt(columns::indexOf).toArray();
  }

  /** The tables in an order that writes every table after the tables it references. */
  private static List<NewRows> parentsFirst(List<NewRows> tables) {
    List<NewRows> waiting = new ArrayList<>(tables);
    List<NewRows> ordered = new ArrayList<>();
    while (!waiting.isEmpty()) {
      NewRows next = waiting.stream()
          .filter(table -> waiting.stream().noneMatch(parent -> parent != table
              && table.table().references(parent.table().name())))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("The foreign keys between the tables "
              + waiting.stream().map(table -> table.table().name()).toList()
              + " form a cycle: no order writes each after the tables it references"));
      ordered.add(next);
      waiting.remove(next);
    }
    return ordered;
  }

  /**
   * The rows of a table that references itself in an order that writes every row after the new rows
   * it references; other rows as they came.
   */
  private static List<Object[]> parentsFirst(NewRows table) {
    List<Object[]> rows = table.rows();
    List<List<Integer>> children = new ArrayList<>();
    rows.forEach(row -> children.add(new ArrayList<>()));
    int[] parentsToWrite = new int[rows.size()];
    for (ForeignKey foreignKey : table.table().foreignKeys()) {
      if (foreignKey.parent().equals(table.table().name())) {
        int[] columns = indexes(table.columns(), foreignKey.columns());
        int[] parentColumns = indexes(table.columns(), foreignKey.parentColumns());
        Map<String, Integer> rowByParentKey = new HashMap<>();
        for (int row = 0; row < rows.size(); row++) {
          rowByParentKey.put(key(rows.get(row), parentColumns), row);
        }
        for (int row = 0; row < rows.size(); row++) {
          Object[] values = rows.get(row);
          boolean referencesNothing = Arrays.stream(columns).anyMatch(column -> values[column] == null);
          Integer parent = referencesNothing ? null : rowByParentKey.get(key(values, columns));
          if (parent != null && parent != row) {
            children.get(parent).add(row);
            parentsToWrite[row]++;
          }
        }
      }
    }
    List<Object[]> ordered = new ArrayList<>(rows.size());
    Queue<Integer> ready = new ArrayDeque<>();
    for (int row = 0; row < rows.size(); row++) {
      if (parentsToWrite[row] == 0) {
        ready.add(row);
      }
    }
    while (!ready.isEmpty()) {
      int row = ready.remove();
      ordered.add(rows.get(row));
      for (int child : children.get(row)) {
        if (--parentsToWrite[child] == 0) {
          ready.add(child);
        }
      }
    }
    if (ordered.size() < rows.size()) {
      throw new IllegalStateException((rows.size() - ordered.size()) + " new rows of "
          + table.table().name() + " reference each other in a cycle: no order writes parents first");
    }
    return ordered;
  }

  /** Inserts the rows in batches, a commit after each; the part of the copy that is timed. */
  private static void insert(Connection connection, String quote, NewRows table, int batchSize)
      throws SQLException {
    String name = table.table().name();
    String sql = "insert into " + quoted(name, quote) + " ("
        + table.columns().stream().map(column -> quoted(column, quote)).collect(Collectors.joining(", "))
        + ") values (" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
    List<Object[]> rows = table.rows();
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int first = 0; first < rows.size(); first += batchSize) {
        int end = Math.min(first + batchSize, rows.size());
        for (Object[] row : rows.subList(first, end)) {
          for (int column = 0; column < row.length; column++) {
            if (row[column] == null) {
              insert.setNull(column + 1, table.sqlTypes()[column]);
            } else {
              insert.setObject(column + 1, row[column]);
            }
          }
          insert.addBatch();
        }
        try {
          insert.executeBatch();
          connection.commit();
        } catch (SQLException e) {
          connection.rollback();
          // PostgreSQL tells the reason in the next exception, the batch exception only says which
          SQLException reason = e instanceof BatchUpdateException && e.getNextException() != null
              ? e.getNextException() : e;
          throw new IllegalStateException("Could not insert rows %d to %d of %d into %s: %s".formatted(
              first + 1, end, rows.size(), name, reason.getMessage()), reason);
        }
      }
    }
  }

  private static String quoted(String identifier, String quote) {
    return quote + identifier + quote;
  }
}
