/**
 * A fuzzer that reads the served OpenAPI document and sends every operation malformed and
 * extreme input.
 */
package cn.partybuilding.web.fuzz;
