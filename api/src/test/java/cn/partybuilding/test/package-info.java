/**
 * Test support: containers, fake gateways, the integration test annotation and an API
 * client.
 */
@NullMarked
package cn.partybuilding.test;

import org.jspecify.annotations.NullMarked;
