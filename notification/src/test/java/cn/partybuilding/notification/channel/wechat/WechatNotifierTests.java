package cn.partybuilding.notification.channel.wechat;

import org.junit.jupiter.api.Test;

import cn.partybuilding.notification.delivery.SendOutcome;

import static org.assertj.core.api.Assertions.assertThat;

class WechatNotifierTests {

	@Test
	void refusalsOfTheMessageAreFinalAndBusyAnswersAreRetried() {
		assertThat(WechatNotifier.outcome(43101)).isInstanceOf(SendOutcome.Refused.class);
		assertThat(WechatNotifier.outcome(40003)).isInstanceOf(SendOutcome.Refused.class);
		assertThat(WechatNotifier.outcome(-1)).isInstanceOf(SendOutcome.Retry.class);
		assertThat(WechatNotifier.outcome(42001)).isInstanceOf(SendOutcome.Retry.class);
	}

	@Test
	void thingFieldsAreCutToTwentyCharacters() {
		assertThat(WechatNotifier.thing("政治生日快乐")).isEqualTo("政治生日快乐");
		String cut = WechatNotifier.thing("王建国同志：今天是您入党30周年的政治生日。不忘初心，牢记使命！");
		assertThat(cut.codePointCount(0, cut.length())).isEqualTo(20);
		assertThat(cut).endsWith("…");
	}

}
