/**
 * Cross-cutting application settings and services: typed configuration, the business
 * clock, identifiers.
 */
@NullMarked
package cn.partybuilding.system;

import org.jspecify.annotations.NullMarked;
