/**
 * The stored ledger: append-only entries, the yearly balances kept beside them, and the
 * member lock of scoring.
 */
@NullMarked
package cn.partybuilding.points.ledger;

import org.jspecify.annotations.NullMarked;
