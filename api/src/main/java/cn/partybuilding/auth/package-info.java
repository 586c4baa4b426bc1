/**
 * Logging in (password, SMS code, WeChat), refresh-token rotation, logout, and the
 * brute-force throttles.
 */
@NullMarked
package cn.partybuilding.auth;

import org.jspecify.annotations.NullMarked;
