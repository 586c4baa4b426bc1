package cn.partybuilding.jobs;

import org.mapstruct.Mapper;

import cn.partybuilding.web.mapping.ViewMapping;

/** Job runs as answers show them. */
@Mapper(config = ViewMapping.class)
interface JobViews {

	RunView view(JobRun run);

}
