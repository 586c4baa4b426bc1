package cn.partybuilding.notification.text;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.partybuilding.notification.NotificationKind;

/**
 * The texts of every kind, Chinese by default and English on request, rendered from the
 * notification's parameters. {@code {name}} is replaced by the parameter; {@code [...]}
 * is kept only when every parameter inside it is given (optional parts such as a
 * rejection reason); a {@code result} of
 * {@code APPROVED}/{@code REJECTED}/{@code CANCELLED} is put in words. Pure: the same
 * kind, parameters and language always give the same text.
 */
public final class NotificationTexts {

	private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");

	private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

	private static final Map<NotificationKind, String[]> CHINESE = new EnumMap<>(NotificationKind.class);

	private static final Map<NotificationKind, String[]> ENGLISH = new EnumMap<>(NotificationKind.class);

	private static final Map<String, String> RESULTS_CHINESE = Map.of("APPROVED", "已通过", "REJECTED", "未通过", "CANCELLED",
			"已取消");

	private static final Map<String, String> RESULTS_ENGLISH = Map.of("APPROVED", "was approved", "CANCELLED",
			"was cancelled", "REJECTED", "was declined");

	static {
		CHINESE.put(NotificationKind.POLITICAL_BIRTHDAY, texts("政治生日快乐", "{name}同志：今天是您入党{years}周年的政治生日。不忘初心，牢记使命！"));
		CHINESE.put(NotificationKind.BIRTHDAY_DIGEST, texts("本周政治生日", "{from}至{to}，本支部有{count}名党员过政治生日：{names}。"));
		CHINESE.put(NotificationKind.ACTIVITY_INVITATION, texts("活动邀请", "您受邀参加“{title}”，时间：{startsAt}[，地点：{venue}]。"));
		CHINESE.put(NotificationKind.ACTIVITY_REMINDER, texts("活动提醒", "“{title}”将于{startsAt}开始[，地点：{venue}]，请准时参加。"));
		CHINESE.put(NotificationKind.RESERVATION_RESULT, texts("预约结果", "您在{base}的预约（{start}）{result}[：{reason}]。"));
		CHINESE.put(NotificationKind.LEAVE_RESULT, texts("请假结果", "您对“{title}”的请假申请{result}[：{reason}]。"));
		CHINESE.put(NotificationKind.VOLUNTEER_HOURS_APPROVED, texts("志愿时长已确认", "您在“{project}”的志愿服务时长{hours}小时已审核通过。"));

		ENGLISH.put(NotificationKind.POLITICAL_BIRTHDAY, texts("Happy political birthday",
				"Dear {name}, today is the {years}-year anniversary of your joining the Party."));
		ENGLISH.put(NotificationKind.BIRTHDAY_DIGEST, texts("Political birthdays this week",
				"From {from} to {to}, {count} members of the branch celebrate their political birthday: {names}."));
		ENGLISH.put(NotificationKind.ACTIVITY_INVITATION,
				texts("Activity invitation", "You are invited to \"{title}\" at {startsAt}[, {venue}]."));
		ENGLISH.put(NotificationKind.ACTIVITY_REMINDER,
				texts("Activity reminder", "\"{title}\" starts at {startsAt}[, {venue}]. Please be on time."));
		ENGLISH.put(NotificationKind.RESERVATION_RESULT,
				texts("Reservation result", "Your reservation at {base} ({start}) {result}[: {reason}]."));
		ENGLISH.put(NotificationKind.LEAVE_RESULT,
				texts("Leave request result", "Your leave request for \"{title}\" {result}[: {reason}]."));
		ENGLISH.put(NotificationKind.VOLUNTEER_HOURS_APPROVED, texts("Volunteer hours approved",
				"{hours} hours of volunteer service at \"{project}\" were approved."));
	}

	private NotificationTexts() {
	}

	/** The Chinese text (deliveries and the default of the inbox). */
	public static RenderedText render(NotificationKind kind, Map<String, String> params) {
		return render(kind, params, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * The text in {@code locale}: English when its language is English, Chinese
	 * otherwise.
	 */
	public static RenderedText render(NotificationKind kind, Map<String, String> params, Locale locale) {
		boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
		String[] texts = Objects.requireNonNull((english ? ENGLISH : CHINESE).get(kind), "every kind has its texts");
		Map<String, String> results = english ? RESULTS_ENGLISH : RESULTS_CHINESE;
		return new RenderedText(fill(texts[0], params, results), fill(texts[1], params, results));
	}

	static String fill(String template, Map<String, String> params, Map<String, String> results) {
		Matcher optional = OPTIONAL.matcher(template);
		StringBuilder kept = new StringBuilder();
		while (optional.find()) {
			String part = optional.group(1);
			boolean complete = PARAM.matcher(part).results().allMatch((param) -> hasText(params.get(param.group(1))));
			optional.appendReplacement(kept, Matcher.quoteReplacement(complete ? part : ""));
		}
		optional.appendTail(kept);
		Matcher param = PARAM.matcher(kept);
		StringBuilder filled = new StringBuilder();
		while (param.find()) {
			String name = param.group(1);
			String value = params.getOrDefault(name, "");
			if (name.equals("result")) {
				value = results.getOrDefault(value, value);
			}
			param.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		param.appendTail(filled);
		return filled.toString();
	}

	private static boolean hasText(@org.jspecify.annotations.Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static String[] texts(String title, String body) {
		return new String[] { title, body };
	}

}
