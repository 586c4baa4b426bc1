package cn.partybuilding.notification.channel.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.partybuilding.notification.MemberDirectory;
import cn.partybuilding.notification.NotificationSettings;
import cn.partybuilding.notification.delivery.Notifier;

/**
 * WeChat through WxJava when the mini program's app id and secret are set, at
 * {@code PARTY_WECHAT_API_URL} (a fake in tests); the log otherwise.
 */
@Configuration(proxyBeanMethods = false)
class WechatConfiguration {

	@Bean
	Notifier wechatNotifier(NotificationSettings settings, MemberDirectory directory) {
		if (!settings.wechatConfigured()) {
			return new LoggedWechatNotifier();
		}
		WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
		config.setAppid(settings.wechatAppId());
		config.setSecret(settings.wechatAppSecret());
		config.setApiHostUrl(settings.wechatApiUrl());
		WxMaService wechat = new WxMaServiceImpl();
		wechat.setWxMaConfig(config);
		return new WechatNotifier(wechat, directory, settings.wechatTemplates(), settings.gatewayTimeout());
	}

}
