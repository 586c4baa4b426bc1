package cn.partybuilding.web.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..."|null}}.
 *
 * @param items the items of this page
 * @param nextCursor where the next page starts; {@code null} on the last page
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor) {

	public <R> Page<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
		return new Page<>(this.items.stream().<R>map(mapper).toList(), this.nextCursor);
	}

}
