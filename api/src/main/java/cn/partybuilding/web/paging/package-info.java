/**
 * One cursor-paging mechanism for every list: keyset positions in signed, opaque cursors.
 */
@NullMarked
package cn.partybuilding.web.paging;

import org.jspecify.annotations.NullMarked;
