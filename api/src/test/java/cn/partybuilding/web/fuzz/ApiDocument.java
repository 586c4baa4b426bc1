package cn.partybuilding.web.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The operations of a served OpenAPI document, with their parameters and request bodies,
 * {@code $ref}s resolved.
 */
final class ApiDocument {

	private static final int MAX_DEPTH = 12;

	private final JsonNode root;

	ApiDocument(JsonNode root) {
		this.root = root;
	}

	/** Every operation the document lists, in the document's order. */
	List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.root.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				String method = entry.getKey().toUpperCase(Locale.ROOT);
				if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				JsonNode operation = entry.getValue();
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode parameter : operation.path("parameters").values()) {
					JsonNode resolved = resolve(parameter, 0);
					parameters.add(new Parameter(resolved.path("in").asString(), resolved.path("name").asString(),
							resolved.path("required").asBoolean(false), resolve(resolved.path("schema"), 0),
							resolved.path("description").asString(null)));
				}
				Body body = null;
				JsonNode requestBody = resolve(operation.path("requestBody"), 0);
				if (!requestBody.isMissingNode()) {
					for (Map.Entry<String, JsonNode> content : requestBody.path("content").properties()) {
						body = new Body(content.getKey(), resolve(content.getValue().path("schema"), 0),
								content.getValue().path("schema").path("example").asString(null),
								requestBody.path("required").asBoolean(false));
						break;
					}
				}
				operations.add(new Operation(method, path.getKey(), parameters, body));
			}
		}
		return operations;
	}

	/**
	 * The schema with every {@code $ref} in it replaced by what it points to, to a
	 * bounded depth.
	 */
	JsonNode resolve(JsonNode node, int depth) {
		if (node.isMissingNode() || depth > MAX_DEPTH) {
			return node;
		}
		if (node.isObject() && node.has("$ref")) {
			String ref = node.get("$ref").asString();
			return resolve(this.root.at(ref.substring(1)), depth + 1);
		}
		if (node.isObject()) {
			var copy = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				copy.set(entry.getKey(), resolve(entry.getValue(), depth + 1));
			}
			return copy;
		}
		if (node.isArray()) {
			var copy = JsonNodeFactory.instance.arrayNode();
			node.values().forEach((item) -> copy.add(resolve(item, depth + 1)));
			return copy;
		}
		return node;
	}

	/**
	 * An operation of the document.
	 *
	 * @param method GET, POST, …
	 * @param path the path template, e.g. {@code /api/v1/activities/{id}}
	 * @param parameters path, query and header parameters
	 * @param body the request body, if it takes one
	 */
	record Operation(String method, String path, List<Parameter> parameters, @Nullable Body body) {

		String key() {
			return this.method + " " + this.path;
		}

		List<Parameter> in(String where) {
			return this.parameters.stream().filter((parameter) -> parameter.in().equals(where)).toList();
		}

	}

	/**
	 * A parameter.
	 *
	 * @param in path, query or header
	 * @param name its name
	 * @param required whether it must be there
	 * @param schema its schema
	 * @param description what the document says about it
	 */
	record Parameter(String in, String name, boolean required, JsonNode schema, @Nullable String description) {
	}

	/**
	 * A request body.
	 *
	 * @param mediaType the first media type the operation consumes
	 * @param schema its schema, resolved
	 * @param example the schema's example, if any
	 * @param required whether the body must be there
	 */
	record Body(String mediaType, JsonNode schema, @Nullable String example, boolean required) {

		boolean isJson() {
			return this.mediaType.contains("json");
		}

	}

}
