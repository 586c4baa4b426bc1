/**
 * The texts of notifications, rendered from a kind and its parameters in Chinese or
 * English.
 */
@NullMarked
package cn.partybuilding.notification.text;

import org.jspecify.annotations.NullMarked;
