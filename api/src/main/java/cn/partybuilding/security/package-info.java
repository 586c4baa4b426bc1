/**
 * Who is calling and what they may do: signing keys, access tokens, the calling member,
 * scoped access checks.
 */
@NullMarked
package cn.partybuilding.security;

import org.jspecify.annotations.NullMarked;
