package cn.partybuilding.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Bounds what a client sends where it is read, once for every endpoint: dates and times
 * within {@link InputBounds} and text without NUL characters, in query parameters and
 * path variables (through the conversion service) and in JSON bodies (through a Jackson
 * module). A value out of bounds fails as it is read, so the problem names the field it
 * was sent in ({@code 400 VALIDATION_FAILED}); no feature sees it, and no database
 * constraint is what refuses it.
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebFluxConfigurer {

	/**
	 * {@code yyyy-MM-dd}, with a year of any length and sign so that a year far outside
	 * the calendar is answered as such: a {@code +} in a query reads as a space, so
	 * {@code ?from=+999999999-12-31} arrives as {@code " 999999999-12-31"}.
	 */
	private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseLenient()
		.appendValue(ChronoField.YEAR, 1, 10, SignStyle.NORMAL)
		.parseStrict()
		.appendLiteral('-')
		.appendValue(ChronoField.MONTH_OF_YEAR, 2)
		.appendLiteral('-')
		.appendValue(ChronoField.DAY_OF_MONTH, 2)
		.toFormatter(Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * Dates and times in query parameters and path variables are ISO-8601, as the
	 * contract says: these replace the default formatters (which also read
	 * locale-dependent short forms), for annotated parameters too.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, bounded((text) -> LocalDate.parse(text, DATE)));
		registry.addFormatterForFieldType(Instant.class, bounded(Instant::parse));
		registry.addFormatterForFieldType(OffsetDateTime.class, bounded(OffsetDateTime::parse));
		registry.addFormatterForFieldType(ZonedDateTime.class, bounded(ZonedDateTime::parse));
		registry.addFormatterForFieldType(LocalDateTime.class, bounded(LocalDateTime::parse));
	}

	@Bean
	JacksonModule boundedInputModule() {
		return new SimpleModule("party-bounded-input").setDeserializerModifier(new BoundedValues());
	}

	private static <T> Formatter<T> bounded(Function<String, T> parse) {
		return new Formatter<>() {

			@Override
			public T parse(String text, Locale locale) {
				return Objects.requireNonNull(InputBounds.check(parse.apply(text.strip())));
			}

			@Override
			public String print(T value, Locale locale) {
				return value.toString();
			}

		};
	}

	/**
	 * Wraps the deserializers of dates, times and strings (values and map keys) with
	 * their checks.
	 */
	static final class BoundedValues extends ValueDeserializerModifier {

		private static final long serialVersionUID = 1L;

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
				BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
			Class<?> type = description.getBeanClass();
			if (InputBounds.isBounded(type)) {
				return new Checked(deserializer, InputBounds::check);
			}
			if (type == String.class) {
				return new Checked(deserializer, (value) -> InputText.check((String) value));
			}
			return deserializer;
		}

		@Override
		public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
				KeyDeserializer deserializer) {
			if (type.getRawClass() != String.class) {
				return deserializer;
			}
			return new KeyDeserializer() {

				@Override
				public Object deserializeKey(String key, DeserializationContext context) {
					return deserializer.deserializeKey(InputText.check(key), context);
				}

			};
		}

	}

	/** A deserializer whose values pass a check before anyone sees them. */
	static final class Checked extends DelegatingDeserializer {

		private final transient UnaryOperator<Object> check;

		Checked(ValueDeserializer<?> delegate, UnaryOperator<Object> check) {
			super(delegate);
			this.check = check;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate, this.check);
		}

		@Override
		public @Nullable Object deserialize(JsonParser parser, DeserializationContext context) {
			Object value = super.deserialize(parser, context);
			return (value != null) ? this.check.apply(value) : null;
		}

	}

}
