/**
 * Open organizational-life bases (开放式组织生活基地): their catalog, opening hours cut into
 * slots, and seats.
 */
@NullMarked
package cn.partybuilding.base;

import org.jspecify.annotations.NullMarked;
