package cn.partybuilding.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GeoPointTests {

	@Test
	void latCommaLngIsAPoint() {
		assertThat(GeoPoint.parse("31.2304,121.4737")).contains(new GeoPoint(31.2304, 121.4737));
		assertThat(GeoPoint.parse(" -33.9 , 18.4 ")).contains(new GeoPoint(-33.9, 18.4));
		assertThat(GeoPoint.parse("90,-180")).contains(new GeoPoint(90, -180));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "31.2", "31.2,", ",121", "abc,def", "31.2;121.4", "91,0", "0,180.5", "-90.1,0",
			"1e2,3", "NaN,0", "31.2,121.4,5", "0x1,2" })
	void anythingElseIsNot(String input) {
		assertThat(GeoPoint.parse(input)).isEmpty();
	}

}
