package cn.partybuilding.web;

import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;

/**
 * An argument resolver of ours, registered for every controller (paging, the calling
 * member).
 */
public interface ArgumentResolver extends HandlerMethodArgumentResolver {

}
