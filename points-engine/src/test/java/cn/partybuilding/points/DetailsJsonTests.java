package cn.partybuilding.points;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DetailsJsonTests {

	@Test
	void mapsTravelAsJsonObjectsAndBack() {
		Map<String, String> details = Map.of("activityType", "THEME_DAY", "note", "引号\"与\\反斜杠");
		String json = DetailsJson.write(details);
		assertThat(json).startsWith("{\"activityType\":\"THEME_DAY\"");
		assertThat(DetailsJson.read(json)).isEqualTo(details);
	}

	@Test
	void nothingReadsAsEmpty() {
		assertThat(DetailsJson.read(null)).isEmpty();
		assertThat(DetailsJson.read(" ")).isEmpty();
		assertThat(DetailsJson.read("{}")).isEmpty();
		assertThat(DetailsJson.write(Map.of())).isEqualTo("{}");
	}

}
