package org.opencollections.benchmark;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP server for the benchmark that takes every mail and keeps none: it speaks enough
 * SMTP for JavaMail (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), reads each message to its end and
 * counts it. A test server that stores every message (GreenMail) would hold gigabytes for a wave of
 * 100,000 mails with PDF attachments; this one holds one line at a time. The mail counts as
 * delivered when the server answers 250 to its DATA, as a relay would.
 */
final class SmtpSink implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService sessions = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "smtp-sink");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long lastDeliveredNanos;

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    sessions.execute(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Mails taken since the server started. */
  long delivered() {
    return delivered.get();
  }

  /** Bytes of the mails taken (their DATA). */
  long bytes() {
    return bytes.get();
  }

  /** {@link System#nanoTime()} when the last mail was taken. */
  long lastDeliveredNanos() {
    return lastDeliveredNanos;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sessions.execute(() -> converse(client));
      } catch (IOException e) {
        if (!server.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void converse(Socket client) {
    try (client; InputStream in = new BufferedInputStream(client.getInputStream(), 65_536);
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 benchmark SMTP sink");
      for (String line = readLine(in); line != null; line = readLine(in)) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (command) {
          case "EHLO" -> reply(out, "250-benchmark\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            long size = readMessage(in);
            delivered.incrementAndGet();
            bytes.addAndGet(size);
            lastDeliveredNanos = System.nanoTime();
            reply(out, "250 OK queued");
          }
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to keep
    }
  }

  /** Reads up to the line holding a single dot; returns the bytes read. */
  private static long readMessage(InputStream in) throws IOException {
    long size = 0;
    for (String line = readLine(in); line != null; line = readLine(in)) {
      if (line.equals(".")) {
        return size;
      }
      size += line.length() + 2;
    }
    throw new IOException("connection closed in DATA");
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(80);
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) b);
    }
    return line.isEmpty() ? null : line.toString();
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    sessions.shutdownNow();
  }
}
