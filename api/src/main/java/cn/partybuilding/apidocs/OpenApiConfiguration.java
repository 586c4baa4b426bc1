package cn.partybuilding.apidocs;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.InputBounds;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * The served OpenAPI document: bearer tokens on every operation that needs them, the
 * paging parameters of lists, and, per operation, the problem responses it can give with
 * their machine codes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	private static final String PROBLEM = "Problem";

	/** The longest cursor {@code CursorCodec} decodes. */
	private static final int CURSOR_MAX_LENGTH = 2048;

	static {
		// Resolved from the token and the query by our own argument resolvers, not bound
		// from the request.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, PageRequest.class);
		// Times of day (opening hours, quiet hours) are ISO-8601 local times, at most
		// "23:59:59.999999999".
		SpringDocUtils.getConfig()
			.replaceWithSchema(LocalTime.class,
					new StringSchema().maxLength(18)
						.pattern("^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?$")
						.example("08:00")
						.description("a time of day, HH:mm"));
	}

	@Bean
	OpenAPI partyOpenApi() {
		return new OpenAPI()
			.info(new Info().title("智慧党建 API")
				.version("v1")
				.description("Backend of the smart party-building app. Errors are application/problem+json "
						+ "(RFC 9457) with a stable machine `code`."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSchemas(PROBLEM, problemSchema()));
	}

	@Bean
	OperationCustomizer problemsAndPaging() {
		return (operation, handler) -> {
			boolean anonymous = isAnonymous(handler);
			if (!anonymous) {
				operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
			}
			if (Arrays.stream(handler.getMethodParameters())
				.anyMatch((parameter) -> PageRequest.class.equals(parameter.getParameterType()))) {
				operation.addParametersItem(new Parameter().in("query")
					.name("limit")
					.required(false)
					.description("Page size, 1 to 100")
					.schema(new IntegerSchema()._default(20)
						.minimum(java.math.BigDecimal.ONE)
						.maximum(java.math.BigDecimal.valueOf(100))));
				operation.addParametersItem(new Parameter().in("query")
					.name("cursor")
					.required(false)
					.description("The nextCursor of the previous page")
					.schema(new StringSchema().maxLength(CURSOR_MAX_LENGTH)));
			}
			addProblems(operation, codes(handler, anonymous));
			return operation;
		};
	}

	/**
	 * States the calendar's bounds ({@link InputBounds}) on every date and date-time a
	 * client sends: OpenAPI has no minimum for strings, so they go into the description.
	 */
	@Bean
	OpenApiCustomizer calendarBounds() {
		return (openApi) -> {
			if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
				openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::describeBounds);
			}
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				if (operation.getParameters() != null) {
					operation.getParameters().forEach((parameter) -> {
						String bounds = bounds(parameter.getSchema());
						if (bounds != null) {
							parameter.setDescription(withBounds(parameter.getDescription(), bounds));
						}
					});
				}
			}));
		};
	}

	private static void describeBounds(Schema<?> schema) {
		String bounds = bounds(schema);
		if (bounds != null) {
			schema.setDescription(withBounds(schema.getDescription(), bounds));
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(OpenApiConfiguration::describeBounds);
		}
		if (schema.getItems() != null) {
			describeBounds(schema.getItems());
		}
	}

	private static @Nullable String bounds(@Nullable Schema<?> schema) {
		if (schema == null || !("string".equals(schema.getType())
				|| (schema.getTypes() != null && schema.getTypes().contains("string")))) {
			return null;
		}
		if ("date".equals(schema.getFormat())) {
			return InputBounds.DATE_DESCRIPTION;
		}
		return "date-time".equals(schema.getFormat()) ? InputBounds.DATE_TIME_DESCRIPTION : null;
	}

	private static String withBounds(@Nullable String description, String bounds) {
		if (description == null || description.isBlank()) {
			return bounds;
		}
		return description.contains(bounds) ? description : description + " (" + bounds + ")";
	}

	private static boolean isAnonymous(HandlerMethod handler) {
		return Arrays.stream(handler.getMethodParameters())
			.noneMatch((parameter) -> Caller.class.equals(parameter.getParameterType()))
				&& handler.getBeanType().getPackageName().endsWith(".auth");
	}

	private static Set<ErrorCode> codes(HandlerMethod handler, boolean anonymous) {
		Set<ErrorCode> codes = new LinkedHashSet<>(
				EnumSet.of(ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_REQUEST, ErrorCode.INTERNAL_ERROR));
		if (!anonymous) {
			codes.addAll(EnumSet.of(ErrorCode.UNAUTHORIZED, ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND));
		}
		ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
		if (declared != null) {
			codes.addAll(Arrays.asList(declared.value()));
		}
		return codes;
	}

	private static void addProblems(Operation operation, Collection<ErrorCode> codes) {
		Map<Integer, String> byStatus = new TreeMap<>(codes.stream()
			.collect(Collectors.groupingBy((code) -> code.status().value(),
					Collectors.mapping(ErrorCode::name, Collectors.joining(", ")))));
		byStatus.forEach((status, names) -> operation.getResponses()
			.computeIfAbsent(String.valueOf(status),
					(key) -> new ApiResponse().description("Problem with code: " + names)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
	}

	private static Schema<?> problemSchema() {
		StringSchema code = new StringSchema();
		code.setEnum(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
		code.setDescription("Stable machine code");
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("code", code)
			.addProperty("requestId", new StringSchema())
			.addProperty("errors",
					new io.swagger.v3.oas.models.media.ArraySchema()
						.items(new ObjectSchema().addProperty("field", new StringSchema())
							.addProperty("message", new StringSchema())
							.addProperty("line", new IntegerSchema())));
	}

}
