package cn.partybuilding.member;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import cn.partybuilding.member.RosterFile.ImportRow;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Reads a roster file as it arrives, part by part, without holding more of it than the
 * line being read: the text ({@link RosterText}) is cut into lines where a line ends
 * outside quotes, and each part's complete lines are parsed by commons-csv; what is kept
 * is the rows. The 10,001st row stops the reading ({@code IMPORT_TOO_LARGE}), and so does
 * a line longer than {@value #MAX_LINE_CHARS} characters, which bounds every cell: a real
 * row has a few hundred. Lines are numbered as an editor shows them (the header is line
 * 1), blank lines and line breaks inside quotes counted.
 */
final class RosterReader {

	static final int MAX_LINE_CHARS = 4096;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setIgnoreSurroundingSpaces(true)
		.setTrim(true)
		.get();

	private final RosterText text = new RosterText();

	private final List<ImportRow> rows = new ArrayList<>();

	/** The line being read, up to the line break that ends it. */
	private final StringBuilder line = new StringBuilder();

	/**
	 * The complete lines of the part in hand, separated by line feeds, and where each
	 * begins.
	 */
	private final StringBuilder complete = new StringBuilder();

	private final List<Integer> completeLines = new ArrayList<>();

	private boolean headerSeen;

	/** The number of the line the next character is on. */
	private int lineNumber = 1;

	/** The number of the line {@link #line} began on. */
	private int lineStart = 1;

	private boolean afterCarriageReturn;

	private boolean quoted;

	private boolean cellStart = true;

	private boolean afterClosingQuote;

	/** Reads the next part of the file. */
	void accept(byte[] bytes) {
		read(decode(bytes, false));
	}

	/** Reads what is left once the file has ended, and gives every row. */
	List<ImportRow> finish() {
		read(decode(new byte[0], true));
		if (!this.line.isEmpty()) {
			completeLine();
		}
		parseComplete();
		if (!this.headerSeen) {
			throw headerMissing(1);
		}
		return this.rows;
	}

	private String decode(byte[] bytes, boolean end) {
		String decoded = end ? this.text.finish() : this.text.decode(bytes);
		if (this.text.malformed()) {
			// The text up to the bytes that cannot be read is read first, so the line
			// named is theirs.
			read(decoded);
			throw invalid(Violation.atLine(this.lineNumber, "file", "encoding"));
		}
		return decoded;
	}

	/**
	 * Follows the text character by character as commons-csv's lexer would with this
	 * format, only far enough to know where a line ends outside quotes: a quote opens a
	 * quoted cell at the start of a cell (spaces before it ignored), a doubled quote
	 * inside one stands for a quote, and CR, LF and CRLF end lines.
	 */
	private void read(String part) {
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			boolean lineBreak = c == '\n' || c == '\r';
			if (lineBreak) {
				if (c == '\r' || !this.afterCarriageReturn) {
					this.lineNumber++;
				}
				this.afterCarriageReturn = c == '\r';
			}
			else {
				this.afterCarriageReturn = false;
			}
			if (lineBreak && !this.quoted) {
				if (!this.line.isEmpty()) {
					completeLine();
				}
				this.lineStart = this.lineNumber;
				this.cellStart = true;
				this.afterClosingQuote = false;
				continue;
			}
			if (this.line.length() == MAX_LINE_CHARS) {
				throw invalid(Violation.atLine(this.lineStart, "line", "lineTooLong", MAX_LINE_CHARS));
			}
			this.line.append(c);
			if (this.quoted) {
				if (c == '"') {
					this.quoted = false;
					this.afterClosingQuote = true;
				}
			}
			else if (c == '"') {
				this.quoted = this.cellStart || this.afterClosingQuote;
				this.cellStart = false;
				this.afterClosingQuote = false;
			}
			else if (c == ',') {
				this.cellStart = true;
				this.afterClosingQuote = false;
			}
			else {
				this.cellStart = this.cellStart && Character.isWhitespace(c);
				this.afterClosingQuote = false;
			}
		}
		parseComplete();
	}

	private void completeLine() {
		if (!this.complete.isEmpty()) {
			this.complete.append('\n');
		}
		this.complete.append(this.line);
		this.completeLines.add(this.lineStart);
		this.line.setLength(0);
	}

	/**
	 * Parses the complete lines in hand: one record each, as commons-csv skips only empty
	 * lines, never kept here.
	 */
	private void parseComplete() {
		if (this.completeLines.isEmpty()) {
			return;
		}
		int index = 0;
		try (CSVParser parser = CSVParser.parse(this.complete.toString(), FORMAT)) {
			Iterator<CSVRecord> records = parser.iterator();
			for (; records.hasNext(); index++) {
				add(records.next(), this.completeLines.get(index));
			}
		}
		catch (IOException | UncheckedIOException | IndexOutOfBoundsException ex) {
			int at = this.completeLines.get(Math.min(index, this.completeLines.size() - 1));
			throw invalid(Violation.atLine(at, "line", "csv"));
		}
		this.complete.setLength(0);
		this.completeLines.clear();
	}

	private void add(CSVRecord record, int lineNumber) {
		if (record.size() == 1 && record.get(0).isBlank()) {
			return;
		}
		if (!this.headerSeen) {
			if (!header(record)) {
				throw headerMissing(lineNumber);
			}
			this.headerSeen = true;
			return;
		}
		if (this.rows.size() == RosterFile.MAX_ROWS) {
			throw new DomainException(ErrorCode.IMPORT_TOO_LARGE, RosterFile.MAX_ROWS);
		}
		this.rows.add(new ImportRow(lineNumber, cell(record, 0), cell(record, 1), cell(record, 2), cell(record, 3),
				cell(record, 4), cell(record, 5), cell(record, 6), record.size()));
	}

	private static boolean header(CSVRecord record) {
		List<String> names = new ArrayList<>();
		for (String name : record) {
			names.add(name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
		}
		return names.equals(RosterFile.HEADER.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList());
	}

	private static String cell(CSVRecord record, int index) {
		return (index < record.size()) ? record.get(index).trim() : "";
	}

	private static DomainException headerMissing(int line) {
		return invalid(Violation.atLine(line, "header", "header", String.join(",", RosterFile.HEADER)));
	}

	private static DomainException invalid(Violation violation) {
		return new DomainException(ErrorCode.IMPORT_INVALID, List.of(violation), Map.of());
	}

}
