package cn.partybuilding.test;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library will not do: announce a
 * body and send only part of it, send a body in chunks without ever ending it, and read
 * the answer while the rest of the body is still unsent. That the answer comes at all
 * shows the server did not wait for the body. Each instance poses as its own client
 * address, like {@link Api}.
 */
public final class RawHttp implements Closeable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	private RawHttp(Socket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = socket.getInputStream();
	}

	public static RawHttp connect(int port) {
		try {
			return new RawHttp(new Socket("localhost", port));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends the head of a POST: the given headers plus {@code Host}, and
	 * {@code Authorization} when a token is given. Put {@code Content-Length} or
	 * {@code Transfer-Encoding: chunked} among the headers.
	 */
	public RawHttp post(String path, String token, Map<String, String> headers) {
		StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
		if (token != null) {
			head.append("Authorization: Bearer ").append(token).append("\r\n");
		}
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		return send(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	public RawHttp send(byte[] bytes) {
		try {
			this.out.write(bytes);
			this.out.flush();
			return this;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sends one chunk of a chunked body. */
	public RawHttp chunk(byte[] bytes) {
		send((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		send(bytes);
		return send("\r\n".getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Sends bytes in parts for as long as the server reads them, until {@code total} have
	 * gone; stops quietly when the server has answered and closed. Runs on its own
	 * thread, so the answer can be read meanwhile.
	 */
	public Thread sendInBackground(byte[] part, long total, boolean chunked) {
		Thread sender = new Thread(() -> {
			try {
				for (long sent = 0; sent < total; sent += part.length) {
					if (chunked) {
						chunk(part);
					}
					else {
						send(part);
					}
				}
			}
			catch (IllegalStateException ex) {
				// The server answered and closed the connection: nothing more to send.
			}
		}, "raw-http-sender");
		sender.setDaemon(true);
		sender.start();
		return sender;
	}

	/**
	 * Reads the answer: status, headers and body (by its length or its chunks); fails if
	 * none comes in time.
	 */
	public Response response(Duration timeout) {
		try {
			this.socket.setSoTimeout((int) timeout.toMillis());
			String status = line();
			Map<String, String> headers = new LinkedHashMap<>();
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
						header.substring(colon + 1).trim());
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (headers.containsKey("content-length")) {
				body.write(this.in.readNBytes(Integer.parseInt(headers.get("content-length"))));
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(),
						16)) {
					body.write(this.in.readNBytes(size));
					line();
				}
			}
			return new Response(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("No answer within " + timeout + ": the server is waiting for the body", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
			if (c < 0) {
				throw new IOException("The connection closed in the middle of the answer");
			}
			if (c != '\r') {
				line.write(c);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body as text
	 */
	public record Response(int status, Map<String, String> headers, String body) {
	}

}
