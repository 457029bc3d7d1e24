using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Configuration;

namespace HaiHau.InfoBot.Host.Tests.Setup;

/// <summary>appsettings.sample.json documents every option, and the host can read it as it is.</summary>
public sealed class SampleSettingsTests
{
    private static readonly IConfiguration Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.sample.json"), optional: false)
        .Build();

    [Theory]
    [InlineData(typeof(InfoBotOptions), InfoBotOptions.Section)]
    [InlineData(typeof(ConversationOptions), ConversationOptions.Section)]
    [InlineData(typeof(WebChatOptions), WebChatOptions.Section)]
    [InlineData(typeof(DeliveryOptions), DeliveryOptions.Section)]
    [InlineData(typeof(ChannelRateOptions), DeliveryOptions.Section + ":Rates:telegram")]
    [InlineData(typeof(ListingOptions), ListingOptions.Section)]
    [InlineData(typeof(RateLimitOptions), RateLimitOptions.Section)]
    [InlineData(typeof(ProxyOptions), ProxyOptions.Section)]
    [InlineData(typeof(ZaloOptions), ZaloOptions.Section)]
    [InlineData(typeof(TelegramOptions), TelegramOptions.Section)]
    [InlineData(typeof(HaiHau.InfoBot.Host.OfficerConsole.ConsoleOptions), HaiHau.InfoBot.Host.OfficerConsole.ConsoleOptions.Section)]
    [InlineData(typeof(HaiHau.InfoBot.Host.Telemetry.TelemetryOptions), HaiHau.InfoBot.Host.Telemetry.TelemetryOptions.Section)]
    public void Every_option_is_in_the_sample(Type options, string section)
    {
        foreach (var property in options.GetProperties())
        {
            Assert.True(Sample.GetSection(section).GetSection(property.Name).Exists(), $"{section}:{property.Name} is missing from appsettings.sample.json");
        }
    }

    [Fact]
    public void The_sample_values_bind_to_the_options()
    {
        var conversations = Sample.GetSection(ConversationOptions.Section).Get<ConversationOptions>()!;

        Assert.Equal(TimeSpan.FromDays(1), conversations.IdleTimeout);
        Assert.Equal(2000, conversations.MaxTextLength);
        Assert.NotNull(Sample.GetConnectionString("InfoBot"));
        Assert.NotNull(Sample["InfoBot:Logging:FilePath"]);
    }

    [Fact]
    public void The_sample_leaves_zalo_off_and_its_defaults_as_the_code_has_them()
    {
        var zalo = Sample.GetSection(ZaloOptions.Section).Get<ZaloOptions>()!;
        var defaults = new ZaloOptions();

        Assert.False(zalo.IsConfigured());
        Assert.Equal(defaults.OpenApiBaseUrl, zalo.OpenApiBaseUrl);
        Assert.Equal(defaults.OAuthBaseUrl, zalo.OAuthBaseUrl);
        Assert.Equal(defaults.ReplayWindow, zalo.ReplayWindow);
        Assert.Equal(defaults.HumanTakeoverDuration, zalo.HumanTakeoverDuration);
        Assert.Equal(defaults.RefreshBefore, zalo.RefreshBefore);
    }

    [Fact]
    public void The_sample_keeps_telegram_off_and_holds_no_secret()
    {
        var telegram = Sample.GetSection(TelegramOptions.Section).Get<TelegramOptions>()!;

        Assert.False(telegram.HasToken());
        Assert.Equal(string.Empty, telegram.WebhookSecret);
        Assert.Equal(TelegramMode.Polling, telegram.Mode);
        Assert.Equal(TelegramOptions.PublicApiBaseUrl, telegram.ApiBaseUrl);
    }
}
