package org.opencollections.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 strictly: a leading byte order mark is skipped, and bytes that are not UTF-8 end the
 * reading with {@link NotUtf8Exception} naming their line. Unlike {@link java.io.InputStreamReader},
 * which fails a whole buffer at once, it hands out every character before the bad bytes first, so
 * the line is the real one.
 */
final class Utf8Reader extends Reader {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private final CharBuffer chars = CharBuffer.allocate(8192).flip();
  private boolean endOfInput;
  private boolean started;
  private boolean notUtf8;
  private boolean finished;
  /** The line of the next character handed out. */
  private long line = 1;
  private boolean afterCarriageReturn;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  /** Thrown where the bytes are not UTF-8. */
  static final class NotUtf8Exception extends IOException {

    final long line;

    NotUtf8Exception(long line) {
      super("Line " + line + " is not valid UTF-8");
      this.line = line;
    }
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int count = Math.min(length, chars.remaining());
    chars.get(target, offset, count);
    for (int i = offset; i < offset + count; i++) {
      countLine(target[i]);
    }
    return count;
  }

  private void countLine(char c) {
    if (c == '\r') {
      line++;
      afterCarriageReturn = true;
    } else {
      if (c == '\n' && !afterCarriageReturn) {
        line++;
      }
      afterCarriageReturn = false;
    }
  }

  /** Decodes more characters; false at the end of the input. */
  private boolean fill() throws IOException {
    while (true) {
      if (notUtf8) {
        throw new NotUtf8Exception(line);
      }
      if (finished) {
        return false;
      }
      if (!endOfInput) {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
          endOfInput = true;
        } else {
          bytes.position(bytes.position() + read);
        }
        bytes.flip();
      }
      chars.clear();
      var result = decoder.decode(bytes, chars, endOfInput);
      notUtf8 = result.isError();
      if (endOfInput && result.isUnderflow()) {
        decoder.flush(chars);
        finished = true;
      }
      chars.flip();
      if (!started && chars.hasRemaining()) {
        started = true;
        if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
          chars.get();
        }
      }
      if (chars.hasRemaining()) {
        return true;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
