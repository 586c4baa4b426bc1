package cn.partybuilding.security;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeaderCharacters} says what Spring Security's strict firewall says, without its
 * regular expressions.
 */
class HeaderCharactersTests {

	@Property(tries = 3000)
	void headerNamesAreJudgedAsTheFirewallJudgesThem(@ForAll("headerish") String text) {
		assertThat(HeaderCharacters.allowedName(text))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
	}

	@Property(tries = 3000)
	void headerValuesAreJudgedAsTheFirewallJudgesThem(@ForAll("headerish") String text) {
		assertThat(HeaderCharacters.allowedValue(text))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
	}

	@Example
	void noHeaderIsAllowedAsTheFirewallAllowsIt() {
		assertThat(HeaderCharacters.allowedName(null)).isTrue()
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
		assertThat(HeaderCharacters.allowedValue(null)).isTrue()
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
	}

	@Example
	void printableTextChineseTextAndEmojiPassAndControlCharactersDoNot() {
		assertThat(HeaderCharacters.allowedValue("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
		assertThat(HeaderCharacters.allowedValue("zh-CN,zh;q=0.9 智慧党建 \uD83D\uDE80")).isTrue();
		assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
		assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
		assertThat(HeaderCharacters.allowedValue("a\r\nSet-Cookie: x")).isFalse();
		assertThat(HeaderCharacters.allowedValue("a\u0000b")).isFalse();
		assertThat(HeaderCharacters.allowedValue("a\u0085b")).isFalse();
		assertThat(HeaderCharacters.allowedValue("unassigned \u0378")).isFalse();
		assertThat(HeaderCharacters.allowedValue("lone surrogate \uD800")).isTrue()
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test("lone surrogate \uD800"));
	}

	/**
	 * Mostly printable ASCII, with control characters, tabs, Chinese, unassigned code
	 * points and surrogates.
	 */
	@Provide
	Arbitrary<String> headerish() {
		Arbitrary<Character> characters = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.chars().range(' ', '~')),
				Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001f')),
				Tuple.of(2, Arbitraries.chars().range('\u007f', '\u00a0')),
				Tuple.of(2, Arbitraries.chars().range('\u4e00', '\u9fff')),
				Tuple.of(1, Arbitraries.chars().range('\u0370', '\u0380')),
				Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff')),
				Tuple.of(1, Arbitraries.chars().range('\ue000', '\uffff')));
		return characters.list().ofMaxSize(40).map((list) -> {
			StringBuilder text = new StringBuilder();
			list.forEach(text::append);
			return text.toString();
		});
	}

}
