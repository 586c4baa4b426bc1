package cn.partybuilding.points;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * String maps (event details, rule matches) as the JSON objects the points tables store
 * them as ({@code jsonb}).
 */
public final class DetailsJson {

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	private DetailsJson() {
	}

	/** The map as a JSON object, keys in order. */
	public static String write(Map<String, String> map) {
		return JsonMapper.shared().writeValueAsString(new TreeMap<>(map));
	}

	/** The JSON object as a map; {@code null} or blank reads as empty. */
	public static Map<String, String> read(@org.jspecify.annotations.Nullable String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		return Map.copyOf(JsonMapper.shared().readValue(json, MAP));
	}

}
