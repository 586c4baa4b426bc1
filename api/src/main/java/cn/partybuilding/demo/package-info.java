/**
 * The invented demo district, loaded on start with {@code PARTY_DEMO_DATA=true}, so a
 * newcomer can try it all.
 */
@NullMarked
package cn.partybuilding.demo;

import org.jspecify.annotations.NullMarked;
