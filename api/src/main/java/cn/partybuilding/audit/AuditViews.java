package cn.partybuilding.audit;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import cn.partybuilding.web.mapping.ViewMapping;

/** Audit log entries as administrators read them. */
@Mapper(config = ViewMapping.class)
interface AuditViews {

	@Mapping(target = "actorId", source = "entry.actorId")
	@Mapping(target = "action", source = "entry.action")
	@Mapping(target = "targetType", source = "entry.targetType")
	@Mapping(target = "targetId", source = "entry.targetId")
	@Mapping(target = "orgId", source = "entry.orgId")
	@Mapping(target = "details", source = "entry.details")
	EntryView view(AuditLogRepository.Recorded recorded);

}
