/** Load tests of the running server (Gatling), run by {@code bench/checkin}; not part of the default build. */
package cn.partybuilding.bench;
