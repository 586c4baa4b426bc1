/**
 * The audit log: who changed what shared or sensitive, and when (rule book changes,
 * phone-number conflicts outside one's scope, …), appended in the transaction of the
 * change and readable by administrators.
 */
@NullMarked
package cn.partybuilding.audit;

import org.jspecify.annotations.NullMarked;
