package cn.partybuilding.member;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Reads a roster file (CSV with the header {@code name,phone,gender,birthDate,joinedPartyOn,category,branchId}) as
 * people save it: UTF-8 with or without a byte order mark, or GB18030, which is what Excel in China writes.
 */
final class RosterFile {

	static final int MAX_ROWS = 10_000;

	static final List<String> HEADER = List.of("name", "phone", "gender", "birthDate", "joinedPartyOn", "category",
			"branchId");

	private RosterFile() {
	}

	/** The data rows, numbered by their line in the file (the header is line 1). */
	static List<ImportRow> rows(byte[] bytes) {
		String text = decode(bytes);
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<CSVRecord> records = parser.getRecords();
			if (records.isEmpty() || !header(records.get(0))) {
				throw new DomainException(ErrorCode.IMPORT_INVALID,
						List.of(Violation.atLine(1, "header", "header", String.join(",", HEADER))), Map.of());
			}
			List<ImportRow> rows = new ArrayList<>(records.size() - 1);
			for (CSVRecord record : records.subList(1, records.size())) {
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (rows.size() == MAX_ROWS) {
					throw new DomainException(ErrorCode.IMPORT_TOO_LARGE, MAX_ROWS);
				}
				// The header is record 1; without multi-line cells, record numbers are line numbers.
				rows.add(new ImportRow((int) record.getRecordNumber(), cell(record, 0), cell(record, 1), cell(record, 2),
						cell(record, 3), cell(record, 4), cell(record, 5), cell(record, 6), record.size()));
			}
			return rows;
		}
		catch (IOException | UncheckedIOException ex) {
			throw new DomainException(ErrorCode.IMPORT_INVALID,
					List.of(Violation.atLine(1, "file", "csv")), Map.of());
		}
	}

	private static boolean header(CSVRecord record) {
		List<String> names = new ArrayList<>();
		for (String name : record) {
			names.add(name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
		}
		return names.equals(HEADER.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList());
	}

	private static String cell(CSVRecord record, int index) {
		return (index < record.size()) ? record.get(index).trim() : "";
	}

	/** UTF-8 (a BOM, or bytes that are valid UTF-8), else GB18030. */
	static String decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("GB18030"));
		}
	}

	/**
	 * One line of the file, as typed.
	 *
	 * @param line the line number in the file
	 * @param name the member's name
	 * @param phone the mobile number
	 * @param gender MALE/FEMALE or 男/女
	 * @param birthDate the date of birth
	 * @param joinedPartyOn the date of joining
	 * @param category IN_SERVICE/RETIRED/MOBILE/NO_POST or 在职/离退休/流动/无职
	 * @param branchId the branch
	 * @param cells how many cells the line has
	 */
	record ImportRow(int line, String name, String phone, String gender, String birthDate, String joinedPartyOn,
			String category, String branchId, int cells) {

		@Override
		public String toString() {
			return "ImportRow[line " + this.line + "]";
		}

	}

}
