package cn.partybuilding.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * {@link PartySettings} for unit tests, with the defaults of {@code application.yaml}.
 */
public final class TestSettings {

	private TestSettings() {
	}

	public static PartySettings with(Path dataDir, @Nullable String jwtKeys, @Nullable String dataKey) {
		return new PartySettings(ZoneId.of("Asia/Shanghai"), dataDir, dataKey, false, true,
				new PartySettings.Admin(null, null),
				new PartySettings.Jwt(jwtKeys, "party", "party-app", Duration.ofMinutes(15), Duration.ofDays(30),
						10_000, Duration.ofSeconds(60)),
				new PartySettings.Login(5, 60, Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofMinutes(5), 5,
						1, 10, 30),
				new PartySettings.Wechat("https://api.weixin.qq.com", null, null, Duration.ofSeconds(5)),
				new PartySettings.Registration(20));
	}

}
