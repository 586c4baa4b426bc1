package cn.partybuilding.member;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A roster file: CSV with the header
 * {@code name,phone,gender,birthDate,joinedPartyOn,category,branchId}, as people save it
 * (UTF-8 with or without a byte order mark, or GB18030, which is what Excel in China
 * writes), of at most {@value #MAX_ROWS} rows.
 */
final class RosterFile {

	static final int MAX_ROWS = 10_000;

	static final List<String> HEADER = List.of("name", "phone", "gender", "birthDate", "joinedPartyOn", "category",
			"branchId");

	private RosterFile() {
	}

	/**
	 * The data rows, numbered by their line in the file (the header is line 1), read as
	 * the body streams in: each part is parsed and released as it arrives, and a file
	 * that breaks a limit stops the reading there, which cancels the rest of the upload.
	 */
	static Mono<List<ImportRow>> read(Flux<DataBuffer> body) {
		return Mono.defer(() -> {
			RosterReader reader = new RosterReader();
			// Each part is copied and released at once; only the copies go on (no buffer
			// to be released twice when
			// the stream is ended early).
			return body.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			}).doOnNext(reader::accept).then(Mono.fromCallable(reader::finish));
		});
	}

	/**
	 * One line of the file, as typed.
	 *
	 * @param line the line number in the file
	 * @param name the member's name
	 * @param phone the mobile number
	 * @param gender MALE/FEMALE or 男/女
	 * @param joinedPartyOn the date of joining
	 * @param category IN_SERVICE/RETIRED/MOBILE/NO_POST or 在职/离退休/流动/无职
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
