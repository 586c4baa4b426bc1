/**
 * The served OpenAPI document: security scheme, paging parameters and problem responses
 * of every endpoint.
 */
@NullMarked
package cn.partybuilding.apidocs;

import org.jspecify.annotations.NullMarked;
