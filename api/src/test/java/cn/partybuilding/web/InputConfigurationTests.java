package cn.partybuilding.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

import cn.partybuilding.web.problem.InputRejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounds as values are read: JSON bodies through the Jackson module, parameters
 * through the formatters.
 */
class InputConfigurationTests {

	final InputConfiguration configuration = new InputConfiguration();

	final JsonMapper json = JsonMapper.builder().addModule(this.configuration.boundedInputModule()).build();

	record Form(LocalDate on, Instant at, OffsetDateTime start, String name, List<String> tags,
			Map<String, String> match) {
	}

	@Test
	void valuesWithinTheBoundsAreReadAsTheyAre() {
		Form form = read("""
				{"on":"2100-12-31","at":"1900-01-01T00:00:00Z","start":"2100-12-31T23:59:59.999999999Z",
				 "name":"\\u202e党\\ud83d\\ude00","tags":["a"],"match":{"k":"v"}}""");
		assertThat(form.on()).isEqualTo(LocalDate.of(2100, 12, 31));
		assertThat(form.at()).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
		assertThat(form.name()).isEqualTo("\u202e党\ud83d\ude00");
		assertThat(read("{\"on\":null}").on()).isNull();
	}

	@Test
	void aDateOrTimeOutsideTheBoundsFailsAtItsField() {
		assertRejected("{\"on\":\"+999999999-12-31\"}", "on", "dateBounds");
		assertRejected("{\"on\":\"1899-12-31\"}", "on", "dateBounds");
		assertRejected("{\"at\":\"1899-12-31T23:59:59.999Z\"}", "at", "dateBounds");
		assertRejected("{\"at\":\"2101-01-01T00:00:00Z\"}", "at", "dateBounds");
		// The instant counts: 00:00 on the first day in Shanghai is still the last day of
		// 1899 in UTC.
		assertRejected("{\"start\":\"1900-01-01T00:00:00+08:00\"}", "start", "dateBounds");
		assertRejected("{\"start\":\"+999999999-12-31T23:59:59.999999999-18:00\"}", "start", "dateBounds");
	}

	@Test
	void aNulCharacterFailsWhereverTheTextIs() {
		assertRejected("{\"name\":\"a\\u0000b\"}", "name", "nul");
		assertRejected("{\"tags\":[\"ok\",\"a\\u0000\"]}", "tags", "nul");
		assertRejected("{\"match\":{\"k\":\"\\u0000\"}}", "match", "nul");
		assertRejected("{\"match\":{\"\\u0000\":\"v\"}}", "match", "nul");
	}

	@Test
	void parametersAreIsoDatesOfAnyYearLengthWithinTheBounds() {
		DefaultFormattingConversionService conversion = new DefaultFormattingConversionService();
		this.configuration.addFormatters(conversion);
		assertThat(conversion.convert("1900-01-01", LocalDate.class)).isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(conversion.convert(" 2100-12-31 ", LocalDate.class)).isEqualTo(LocalDate.of(2100, 12, 31));
		// "?from=+999999999-12-31" reads as " 999999999-12-31": a year out of bounds, not
		// a malformed date.
		for (String far : List.of(" 999999999-12-31", "+999999999-12-31", "-999999999-01-01", "0000-01-01",
				"2101-01-01")) {
			assertThatThrownBy(() -> conversion.convert(far, LocalDate.class))
				.isInstanceOf(ConversionFailedException.class)
				.hasRootCauseInstanceOf(InputRejected.class);
		}
		assertThatThrownBy(() -> conversion.convert("2026-02-30", LocalDate.class))
			.isInstanceOf(ConversionFailedException.class)
			.rootCause()
			.isNotInstanceOf(InputRejected.class);
		assertThatThrownBy(() -> conversion.convert("2101-01-01T00:00:00Z", Instant.class))
			.hasRootCauseInstanceOf(InputRejected.class);
	}

	private Form read(String body) {
		return this.json.readValue(body, Form.class);
	}

	private void assertRejected(String body, String field, String messageKey) {
		assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(JacksonException.class, (ex) -> {
			assertThat(ex.getPath()).extracting(JacksonException.Reference::getPropertyName).contains(field);
			assertThat(ex).hasRootCauseInstanceOf(InputRejected.class);
			assertThat(((InputRejected) rootCause(ex)).messageKey()).isEqualTo(messageKey);
		});
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable current = ex;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		return current;
	}

}
