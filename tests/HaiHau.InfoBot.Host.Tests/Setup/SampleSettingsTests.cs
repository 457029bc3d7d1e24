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
    [InlineData(typeof(HaiHau.InfoBot.Host.OfficerConsole.ConsoleOptions), HaiHau.InfoBot.Host.OfficerConsole.ConsoleOptions.Section)]
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
}
