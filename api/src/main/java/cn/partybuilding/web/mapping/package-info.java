/**
 * The one way domain and row records become response views: MapStruct mappers configured
 * by {@link cn.partybuilding.web.mapping.ViewMapping}.
 */
@NullMarked
package cn.partybuilding.web.mapping;

import org.jspecify.annotations.NullMarked;
