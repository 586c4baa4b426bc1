/**
 * Idempotency-Key on every POST: the first response is stored with its effect and
 * replayed for retries.
 */
@NullMarked
package cn.partybuilding.web.idempotency;

import org.jspecify.annotations.NullMarked;
