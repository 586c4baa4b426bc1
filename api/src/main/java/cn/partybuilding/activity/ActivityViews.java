package cn.partybuilding.activity;

import java.util.List;
import java.util.Set;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import cn.partybuilding.web.mapping.ViewMapping;

/** Activities as answers show them. */
@Mapper(config = ViewMapping.class)
interface ActivityViews {

	@Mapping(target = "checkInMethods", source = "methods")
	ActivityView view(Activity activity);

	/** In a stable order (QR before GEO), whatever the set's. */
	default List<CheckInMethod> inOrder(Set<CheckInMethod> methods) {
		return methods.stream().sorted().toList();
	}

}
