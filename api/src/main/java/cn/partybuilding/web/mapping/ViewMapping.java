package cn.partybuilding.web.mapping;

import org.mapstruct.InjectionStrategy;
import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

import cn.partybuilding.system.BusinessTime;

/**
 * How every mapper from domain or row records to response views is set up: a Spring bean
 * with constructor injection, an error for any property of a view that nothing fills,
 * instants shown in the business zone ({@link BusinessTime#local}) and ids as text
 * (MapStruct's own UUID conversion).
 */
@MapperConfig(componentModel = MappingConstants.ComponentModel.SPRING,
		injectionStrategy = InjectionStrategy.CONSTRUCTOR, unmappedTargetPolicy = ReportingPolicy.ERROR,
		uses = BusinessTime.class)
public interface ViewMapping {

}
