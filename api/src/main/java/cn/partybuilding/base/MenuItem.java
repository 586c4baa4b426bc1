package cn.partybuilding.base;

import java.util.UUID;

/**
 * An activity a base offers, e.g. 重温入党誓词 (renewing the oath) or a guided tour.
 *
 * @param id the item
 * @param name what it is
 * @param minutes how long it takes
 */
public record MenuItem(UUID id, String name, int minutes) {

}
