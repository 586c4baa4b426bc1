package cn.partybuilding.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.partybuilding.web.problem.ErrorCode;

/**
 * The error codes an endpoint answers with beyond those every endpoint may give (400 for
 * bad input, 401, 403, 404, 500); they appear in the OpenAPI document with their status
 * and meaning.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiErrors {

	ErrorCode[] value();

}
