package cn.partybuilding.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the application, bound from the {@code PARTY_*} environment variables (see
 * {@code application.yaml} for the mapping).
 *
 * @param zone business time zone: "today", daily caps and political birthdays are in this
 * zone
 * @param dataDir where generated keys are kept when none are configured
 * @param dataKey base64 master key for personal data at rest; generated into
 * {@code dataDir} when blank
 * @param demoData load the invented demo district on start (idempotent)
 * @param schedulerEnabled whether this instance runs the daily jobs and background
 * workers
 * @param admin the bootstrap system administrator
 * @param jwt token issuing and verification
 * @param login throttling of logins and SMS codes
 * @param wechat the WeChat mini program
 * @param registration registering and importing members
 */
@ConfigurationProperties("party")
@Validated
public record PartySettings(@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
		@DefaultValue("./data") @NotNull Path dataDir, @Nullable String dataKey, boolean demoData,
		@DefaultValue("true") boolean schedulerEnabled, @DefaultValue @Valid Admin admin, @DefaultValue @Valid Jwt jwt,
		@DefaultValue @Valid Login login, @DefaultValue @Valid Wechat wechat,
		@DefaultValue @Valid Registration registration) {

	/**
	 * The bootstrap system administrator; none is created when the phone is blank.
	 *
	 * @param phone mobile number the administrator logs in with
	 * @param password the administrator's password
	 */
	public record Admin(@Nullable String phone, @Nullable String password) {

		public boolean configured() {
			return StringUtils.hasText(this.phone) && StringUtils.hasText(this.password);
		}

	}

	/**
	 * Access and refresh tokens.
	 *
	 * @param keys a JWK set as JSON, or a path to a file holding one; the first key
	 * signs, all verify. Generated into the data directory when blank.
	 * @param issuer the {@code iss} of issued tokens
	 * @param audience the {@code aud} of issued tokens
	 * @param accessTokenTtl lifetime of access tokens
	 * @param refreshTokenTtl lifetime of refresh tokens (a family expires with its newest
	 * token)
	 * @param verifiedCacheSize how many verified access tokens are remembered so their
	 * signature is not checked on every request (0: none); expiry, issuer and audience
	 * are checked on every request all the same
	 * @param verifiedCacheTtl how long a verified access token is remembered
	 */
	public record Jwt(@Nullable String keys, @DefaultValue("party") String issuer,
			@DefaultValue("party-app") String audience, @DefaultValue("15m") Duration accessTokenTtl,
			@DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue("10000") @Min(0) int verifiedCacheSize,
			@DefaultValue("60s") @NotNull Duration verifiedCacheTtl) {
	}

	/**
	 * Brute-force protection of logins.
	 *
	 * @param failuresPerPhone failed logins allowed per phone within
	 * {@code failureWindow}
	 * @param failuresPerAddress failed logins one client address may have at once (a
	 * burst): room for a venue's or a carrier's shared address, where many members log in
	 * and some mistype, and for the attempts in flight at once
	 * @param failureWindow the window a phone's failures are counted in
	 * @param addressRefillPeriod an address's budget gets one failure back this often:
	 * the pace an address that sprays guesses over many phones is held to
	 * @param smsCodeTtl how long an SMS login code is valid
	 * @param smsCodeAttempts wrong entries after which an SMS code is void
	 * @param smsPerPhonePerMinute SMS codes sent to one phone per minute
	 * @param smsPerPhonePerDay SMS codes sent to one phone per day
	 * @param smsPerAddressPerHour SMS codes requested from one client address per hour
	 */
	public record Login(@DefaultValue("5") @Min(1) int failuresPerPhone,
			@DefaultValue("60") @Min(1) int failuresPerAddress, @DefaultValue("15m") Duration failureWindow,
			@DefaultValue("2m") Duration addressRefillPeriod, @DefaultValue("5m") Duration smsCodeTtl,
			@DefaultValue("5") int smsCodeAttempts, @DefaultValue("1") int smsPerPhonePerMinute,
			@DefaultValue("10") int smsPerPhonePerDay, @DefaultValue("30") int smsPerAddressPerHour) {
	}

	/**
	 * The WeChat mini program.
	 *
	 * @param apiUrl base URL of the WeChat API (a fake in tests)
	 * @param appId the mini program's app id
	 * @param appSecret the mini program's app secret
	 * @param timeout how long a call to the WeChat API may take
	 */
	public record Wechat(@DefaultValue("https://api.weixin.qq.com") String apiUrl, @Nullable String appId,
			@Nullable String appSecret, @DefaultValue("5s") Duration timeout) {
	}

	/**
	 * Registering and importing members.
	 *
	 * @param outsidePhoneConflictsPerDay how many phone numbers one administrator may
	 * enter in a local day (importing or registering) that turn out to belong to an
	 * account outside their subtree; they are answered as taken while the count stays
	 * within this, and beyond it the administrator's imports and registrations are
	 * refused until the next day, so that the answers cannot be used to find out the
	 * digits of someone else's number
	 */
	public record Registration(@DefaultValue("20") @Min(0) int outsidePhoneConflictsPerDay) {
	}

}
