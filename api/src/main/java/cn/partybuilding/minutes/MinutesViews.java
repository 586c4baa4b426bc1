package cn.partybuilding.minutes;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import cn.partybuilding.web.mapping.ViewMapping;

/** Minutes as answers show them. */
@Mapper(config = ViewMapping.class)
interface MinutesViews {

	@Mapping(target = "status", expression = "java(minutes.status())")
	MinutesView view(Minutes minutes);

}
