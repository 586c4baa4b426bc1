package cn.partybuilding.notification.sms;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a gateway, a login code reaches the log only when a developer switched that on,
 * and otherwise nobody.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoggedSmsSenderTests {

	static final SmsMessage CODE = new SmsMessage("m-1", "13800000002", SmsMessage.LOGIN_CODE,
			Map.of("code", "482913"));

	@Test
	void withoutTheSwitchNoLoginCodeIsSentOrLogged(CapturedOutput output) {
		LoggedSmsSender sender = new LoggedSmsSender(false);
		assertThat(sender.deliversLoginCodes()).isFalse();
		StepVerifier.create(sender.send(CODE)).expectError(SmsNotSent.class).verify();
		assertThat(output.getAll()).doesNotContain("482913");
	}

	@Test
	void withTheDevelopmentSwitchTheCodeIsLoggedWithoutThePhone(CapturedOutput output) {
		LoggedSmsSender sender = new LoggedSmsSender(true);
		assertThat(sender.deliversLoginCodes()).isTrue();
		StepVerifier.create(sender.send(CODE)).verifyComplete();
		assertThat(output.getAll()).contains("482913").doesNotContain("13800000002");
	}

	@Test
	void otherMessagesAreLoggedWithoutTheirContentEitherWay(CapturedOutput output) {
		SmsMessage greeting = new SmsMessage("m-2", "13800000002", "POLITICAL_BIRTHDAY",
				Map.of("name", "张三", "years", "20"));
		StepVerifier.create(new LoggedSmsSender(false).send(greeting)).verifyComplete();
		assertThat(output.getAll()).contains("POLITICAL_BIRTHDAY").doesNotContain("张三").doesNotContain("13800000002");
	}

}
