/** The application: its entry point; each feature lives in a package of its own below. */
@NullMarked
package cn.partybuilding;

import org.jspecify.annotations.NullMarked;
