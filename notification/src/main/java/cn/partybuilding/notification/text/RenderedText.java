package cn.partybuilding.notification.text;

/**
 * A notification as a person reads it.
 *
 * @param title the short headline
 * @param body the message
 */
public record RenderedText(String title, String body) {

	@Override
	public String toString() {
		return "RenderedText[hidden]";
	}

}
