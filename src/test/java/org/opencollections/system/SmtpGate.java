package org.opencollections.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the test's SMTP server that can stop passing new connections on: a
 * connection that arrives while it holds is accepted and then left silent, so the node that opened
 * it waits for the server's greeting with the mail in hand. Killing that node then leaves exactly
 * the outbox state a crash in the middle of handing over a mail leaves.
 */
final class SmtpGate implements AutoCloseable {

  private final int target;
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private volatile boolean holding;

  SmtpGate(int targetPort) {
    this.target = targetPort;
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "smtp-gate");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** From now on new connections are accepted and held silent; open ones go on. */
  void hold() {
    holding = true;
  }

  /** The connections held so far: each one a mail its node was handing over. */
  int heldConnections() {
    return held.size();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        if (holding) {
          held.add(client);
          continue;
        }
        Socket smtp = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(smtp);
        pump(client.getInputStream(), smtp.getOutputStream(), smtp);
        pump(smtp.getInputStream(), client.getOutputStream(), client);
      } catch (IOException e) {
        // the gate is closing, or one connection failed: the node sees its mail fail
      }
    }
  }

  private static void pump(InputStream from, OutputStream to, Socket closeWhenDone) {
    Thread thread = new Thread(() -> {
      try (closeWhenDone) {
        from.transferTo(to);
      } catch (IOException e) {
        // the other side closed
      }
    }, "smtp-gate-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
