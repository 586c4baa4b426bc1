package cn.partybuilding.notification.text;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.partybuilding.notification.NotificationKind;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTextsTests {

	static final Map<String, String> ALL = Map.ofEntries(Map.entry("name", "王建国"), Map.entry("years", "30"),
			Map.entry("from", "2026-11-23"), Map.entry("to", "2026-11-29"), Map.entry("count", "2"),
			Map.entry("names", "王建国、李秀英"), Map.entry("title", "主题党日"), Map.entry("startsAt", "11月28日 09:00"),
			Map.entry("venue", "党群服务中心"), Map.entry("base", "红色教育基地"), Map.entry("start", "12月1日 14:00"),
			Map.entry("result", "APPROVED"), Map.entry("project", "社区义诊"), Map.entry("hours", "2.5"));

	@Test
	void thePoliticalBirthdayGreetingNamesTheYears() {
		RenderedText text = NotificationTexts.render(NotificationKind.POLITICAL_BIRTHDAY,
				Map.of("name", "王建国", "years", "30"));
		assertThat(text.title()).isEqualTo("政治生日快乐");
		assertThat(text.body()).contains("今天是您入党30周年的政治生日").startsWith("王建国同志");
	}

	@Test
	void englishIsRenderedWhenAsked() {
		RenderedText text = NotificationTexts.render(NotificationKind.POLITICAL_BIRTHDAY,
				Map.of("name", "Wang", "years", "30"), Locale.ENGLISH);
		assertThat(text.title()).isEqualTo("Happy political birthday");
		assertThat(text.body()).isEqualTo("Dear Wang, today is the 30-year anniversary of your joining the Party.");
		assertThat(
				NotificationTexts.render(NotificationKind.POLITICAL_BIRTHDAY, Map.of(), Locale.forLanguageTag("en-US"))
					.title())
			.isEqualTo("Happy political birthday");
	}

	@ParameterizedTest
	@EnumSource(NotificationKind.class)
	void everyKindHasBothLanguagesAndUsesAllItsParameters(NotificationKind kind) {
		for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
			RenderedText text = NotificationTexts.render(kind, ALL, locale);
			assertThat(text.title()).isNotBlank();
			assertThat(text.body()).isNotBlank().doesNotContain("{").doesNotContain("[");
		}
	}

	@Test
	void resultsArePutInWordsAndOptionalPartsDropWithoutTheirParameter() {
		RenderedText rejected = NotificationTexts.render(NotificationKind.LEAVE_RESULT,
				Map.of("title", "支部党员大会", "result", "REJECTED", "reason", "会议需全员参加"));
		assertThat(rejected.body()).isEqualTo("您对“支部党员大会”的请假申请未通过：会议需全员参加。");
		RenderedText approved = NotificationTexts.render(NotificationKind.LEAVE_RESULT,
				Map.of("title", "支部党员大会", "result", "APPROVED"), Locale.ENGLISH);
		assertThat(approved.body()).isEqualTo("Your leave request for \"支部党员大会\" was approved.");
	}

	@Test
	void chineseIsTheDefaultForOtherLanguages() {
		assertThat(NotificationTexts.render(NotificationKind.ACTIVITY_REMINDER, ALL, Locale.FRENCH).title())
			.isEqualTo("活动提醒");
	}

}
