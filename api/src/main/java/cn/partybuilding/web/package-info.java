/**
 * The HTTP edge shared by every feature: request ids, body limits, locale, argument
 * resolvers.
 */
@NullMarked
package cn.partybuilding.web;

import org.jspecify.annotations.NullMarked;
