/**
 * Accounts people log in with: phone (encrypted, blind-indexed), password hash, WeChat
 * binding, granted roles.
 */
@NullMarked
package cn.partybuilding.account;

import org.jspecify.annotations.NullMarked;
