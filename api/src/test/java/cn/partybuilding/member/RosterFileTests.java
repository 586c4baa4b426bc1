package cn.partybuilding.member;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import cn.partybuilding.member.RosterFile.ImportRow;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reading a roster file as it streams: however the bytes are cut into parts, the rows are
 * the same as from the whole file; encodings are told apart from the first bytes beyond
 * ASCII; a file too long stops the reading without the rest of it being asked for.
 */
class RosterFileTests {

	static final String HEADER = "name,phone,gender,birthDate,joinedPartyOn,category,branchId";

	static final String BRANCH = "0190f0c4-6a3f-7c1e-8b1a-2f9d3c4e5a6b";

	static final Charset GB18030 = Charset.forName("GB18030");

	@Test
	void rowsAreTheSameHoweverTheBytesArriveInUtf8WithAByteOrderMark() {
		String text = "\uFEFF" + HEADER + "\r\n" + row("张三", "13800000001") + "\r\n\r\n"
				+ "\"李, 四\" , 13800000002 ,女,1975/3/4,2000/7/1,离退休," + BRANCH + "\r\n"
				+ "\"王\"\"五\",\"138\n0000\n0003\",男,1980-01-02,2005-07-01,在职," + BRANCH + "\n" + "   \n"
				+ row("赵六", "13800000004");
		byte[] file = text.getBytes(StandardCharsets.UTF_8);
		List<ImportRow> whole = read(file, file.length);
		assertThat(whole).extracting(ImportRow::line, ImportRow::name, ImportRow::phone)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "张三", "13800000001"),
					org.assertj.core.groups.Tuple.tuple(4, "李, 四", "13800000002"),
					org.assertj.core.groups.Tuple.tuple(5, "王\"五", "138\n0000\n0003"),
					// The quoted line breaks above count as lines, and so does the blank
					// line.
					org.assertj.core.groups.Tuple.tuple(9, "赵六", "13800000004"));
		for (int part : new int[] { 1, 2, 3, 5, 7, 64 }) {
			assertThat(read(file, part)).as("in parts of %d bytes", part).isEqualTo(whole);
		}
	}

	@Test
	void aGb18030FileIsReadEvenWhenItsFirstPartsAreAllAscii() {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		for (int i = 0; i < 2000; i++) {
			text.append(row("Zhang San " + i, "1380000" + String.format("%04d", i))).append('\n');
		}
		text.append(row("王芳", "13900000000")).append('\n');
		byte[] file = text.toString().getBytes(GB18030);
		assertThat(file.length).isGreaterThan(64 * 1024);
		for (int part : new int[] { 3, 1000, file.length }) {
			List<ImportRow> rows = read(file, part);
			assertThat(rows).hasSize(2001);
			assertThat(rows.get(2000).name()).isEqualTo("王芳");
			assertThat(rows.get(2000).gender()).isEqualTo("男");
		}
	}

	@Test
	void aUtf8FileWithoutAByteOrderMarkIsReadAsUtf8EvenWithACharacterSplitBetweenParts() {
		byte[] file = (HEADER + "\n" + row("欧阳娜娜", "13800000001") + "\n").getBytes(StandardCharsets.UTF_8);
		for (int part = 1; part <= 8; part++) {
			assertThat(read(file, part)).singleElement().extracting(ImportRow::name).isEqualTo("欧阳娜娜");
		}
	}

	@Test
	void theTenThousandAndFirstRowStopsTheReadingWithoutTheRestBeingAskedFor() {
		byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] line = (row("导入党员", "13800000000") + "\n").getBytes(StandardCharsets.UTF_8);
		AtomicLong sent = new AtomicLong();
		AtomicBoolean cancelled = new AtomicBoolean();
		// A body without end: reading it whole would never finish.
		Flux<DataBuffer> endless = Flux.concat(Flux.just(header), Flux.<byte[]>generate((sink) -> sink.next(line)))
			.buffer(50)
			.map(RosterFileTests::join)
			.doOnNext((bytes) -> sent.addAndGet(bytes.length))
			.doOnCancel(() -> cancelled.set(true))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> RosterFile.read(endless).block(Duration.ofSeconds(30)));
		assertThat(refused.code()).isEqualTo(ErrorCode.IMPORT_TOO_LARGE);
		assertThat(cancelled).isTrue();
		assertThat(sent.get()).isLessThan(header.length + 10_050L * line.length);
	}

	@Test
	void exactlyTenThousandRowsAreRead() {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		for (int i = 0; i < RosterFile.MAX_ROWS; i++) {
			text.append(row("党员" + i, "13800000000")).append('\n');
		}
		byte[] file = text.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(read(file, 8192)).hasSize(RosterFile.MAX_ROWS);
	}

	@Test
	void aLineLongerThanTheLimitStopsTheReadingAtThatLine() {
		String cell = " ".repeat(RosterReader.MAX_LINE_CHARS) + "x";
		byte[] file = (HEADER + "\n" + row("张三", "13800000001") + "\n" + cell).getBytes(StandardCharsets.UTF_8);
		assertThat(violation(file)).satisfies((violation) -> {
			assertThat(violation.line()).isEqualTo(3);
			assertThat(violation.messageKey()).isEqualTo("lineTooLong");
		});
		// Inside quotes as well: an unclosed quote does not make a line without end.
		byte[] unclosed = (HEADER + "\n\"" + "x".repeat(2 * RosterReader.MAX_LINE_CHARS))
			.getBytes(StandardCharsets.UTF_8);
		assertThat(violation(unclosed).messageKey()).isEqualTo("lineTooLong");
	}

	@Test
	void brokenCsvAndBrokenUtf8AreReportedAtTheirLine() {
		byte[] text = (HEADER + "\n" + row("张三", "13800000001") + "\n\"a\"b,1\n").getBytes(StandardCharsets.UTF_8);
		assertThat(violation(text)).extracting(Violation::line, Violation::messageKey).containsExactly(3, "csv");
		byte[] unterminated = (HEADER + "\n\"abc,1").getBytes(StandardCharsets.UTF_8);
		assertThat(violation(unterminated)).extracting(Violation::line, Violation::messageKey)
			.containsExactly(2, "csv");
		// Decided as UTF-8 from the first Chinese characters, then bytes that are not
		// UTF-8: refused, not garbled.
		ByteArrayOutputStream broken = new ByteArrayOutputStream();
		broken.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 40; i++) {
			broken.writeBytes((row("张三", "13800000001") + "\n").getBytes(StandardCharsets.UTF_8));
		}
		broken.writeBytes(new byte[] { 'a', (byte) 0xE5, (byte) 0x28, '\n' });
		assertThat(violation(broken.toByteArray())).extracting(Violation::line, Violation::messageKey)
			.containsExactly(42, "encoding");
	}

	@Test
	void aFileWithoutTheHeaderOrEmptyIsRefused() {
		assertThat(violation("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
			.extracting(Violation::line, Violation::field)
			.containsExactly(1, "header");
		assertThat(violation(new byte[0])).extracting(Violation::line, Violation::field).containsExactly(1, "header");
	}

	private static Violation violation(byte[] file) {
		DomainException refused = catchThrowableOfType(DomainException.class, () -> read(file, 100));
		assertThat(refused.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
		return refused.violations().get(0);
	}

	private static List<ImportRow> read(byte[] file, int partSize) {
		List<DataBuffer> parts = new ArrayList<>();
		for (int from = 0; from < file.length; from += partSize) {
			parts.add(DefaultDataBufferFactory.sharedInstance
				.wrap(Arrays.copyOfRange(file, from, Math.min(file.length, from + partSize))));
		}
		return RosterFile.read(Flux.fromIterable(parts)).block(Duration.ofSeconds(30));
	}

	private static String row(String name, String phone) {
		return String.join(",", name, phone, "男", "1980-01-02", "2005-07-01", "在职", BRANCH);
	}

	private static byte[] join(List<byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		parts.forEach(out::writeBytes);
		return out.toByteArray();
	}

}
