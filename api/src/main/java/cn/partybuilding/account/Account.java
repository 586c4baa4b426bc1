package cn.partybuilding.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account as login needs it.
 *
 * @param id the account id; for members, the member id
 * @param passwordHash the password hash, {@code null} when the account logs in by SMS or
 * WeChat only
 */
public record Account(UUID id, @Nullable String passwordHash) {
}
