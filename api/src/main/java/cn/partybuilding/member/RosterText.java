package cn.partybuilding.member;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Turns a roster file's bytes into text as they arrive, in the encoding people save it
 * with: UTF-8 with or without a byte order mark, or GB18030, which is what Excel in China
 * writes. A byte order mark says UTF-8. Otherwise ASCII reads the same in both, so the
 * decision waits for the first byte beyond ASCII and is taken from a window of up to
 * {@value #WINDOW} bytes from there: UTF-8 if they are valid UTF-8, else GB18030 (Chinese
 * text in GB18030 is not valid UTF-8 beyond a character or two). Only those few bytes are
 * held while undecided, never the file.
 */
final class RosterText {

	static final int WINDOW = 1024;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final Charset GB18030 = Charset.forName("GB18030");

	/**
	 * Bytes received and not yet turned into text: the undecided window, or the start of
	 * a split character.
	 */
	private byte[] held = new byte[0];

	private boolean bomChecked;

	private @Nullable CharsetDecoder decoder;

	private boolean malformed;

	/**
	 * The text the bytes received so far make; a character split between two calls comes
	 * with the second. After bytes that are not in the encoding decided on, the text up
	 * to them, and {@link #malformed()} is true.
	 */
	String decode(byte[] bytes) {
		return decode(bytes, false);
	}

	/** The rest of the text, once the file has ended. */
	String finish() {
		return decode(new byte[0], true);
	}

	/**
	 * Whether bytes came that the encoding decided on cannot read; nothing is decoded
	 * after them.
	 */
	boolean malformed() {
		return this.malformed;
	}

	/** The encoding decided on, if any yet. */
	@Nullable Charset charset() {
		return (this.decoder != null) ? this.decoder.charset() : null;
	}

	private String decode(byte[] bytes, boolean end) {
		if (this.malformed) {
			return "";
		}
		byte[] input = concat(this.held, bytes);
		this.held = new byte[0];
		int from = 0;
		if (!this.bomChecked) {
			if (input.length < BOM.length && !end && Arrays.equals(input, 0, input.length, BOM, 0, input.length)) {
				this.held = input;
				return "";
			}
			this.bomChecked = true;
			if (input.length >= BOM.length && Arrays.equals(input, 0, BOM.length, BOM, 0, BOM.length)) {
				this.decoder = strict(StandardCharsets.UTF_8);
				from = BOM.length;
			}
		}
		StringBuilder text = new StringBuilder(input.length - from);
		if (this.decoder == null) {
			int ascii = from;
			while (ascii < input.length && input[ascii] >= 0) {
				text.append((char) input[ascii]);
				ascii++;
			}
			if (ascii == input.length) {
				return text.toString();
			}
			if (input.length - ascii < WINDOW && !end) {
				this.held = Arrays.copyOfRange(input, ascii, input.length);
				return text.toString();
			}
			this.decoder = decide(input, ascii);
			from = ascii;
		}
		return text.append(decodeWith(this.decoder, input, from, end)).toString();
	}

	private String decodeWith(CharsetDecoder decoder, byte[] input, int from, boolean end) {
		ByteBuffer in = ByteBuffer.wrap(input, from, input.length - from);
		CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 2);
		CoderResult result = decoder.decode(in, out, end);
		if (!result.isError() && end) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			this.malformed = true;
			this.held = new byte[0];
			return out.flip().toString();
		}
		// What is left is the beginning of a character whose other bytes come with the
		// next part.
		this.held = Arrays.copyOfRange(input, in.position(), input.length);
		return out.flip().toString();
	}

	/**
	 * UTF-8 if the window from the first byte beyond ASCII is valid UTF-8 (a character
	 * cut at its end aside).
	 */
	private static CharsetDecoder decide(byte[] input, int from) {
		ByteBuffer window = ByteBuffer.wrap(input, from, Math.min(WINDOW, input.length - from));
		CharBuffer out = CharBuffer.allocate(window.remaining() + 2);
		CoderResult result = strict(StandardCharsets.UTF_8).decode(window, out, false);
		if (result.isError()) {
			// Like Excel's own reading: a byte GB18030 cannot map becomes a replacement
			// character.
			return GB18030.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
		}
		return strict(StandardCharsets.UTF_8);
	}

	private static CharsetDecoder strict(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		if (first.length == 0) {
			return second;
		}
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
