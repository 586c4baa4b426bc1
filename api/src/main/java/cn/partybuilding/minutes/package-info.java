/**
 * Minutes of meetings (会议记录): written by the recorder, signed off by the secretary,
 * reviewed above (线上审核).
 */
@NullMarked
package cn.partybuilding.minutes;

import org.jspecify.annotations.NullMarked;
