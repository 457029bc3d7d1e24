using HaiHau.InfoBot.Host.Cli;

namespace HaiHau.InfoBot.Host.Tests.Cli;

/// <summary>
/// Which starts run the bot without the verbs' parser (issue 15): settings only, as a service or container starts it.
/// Any verb, help or version still reaches the parser, or `chat` after a setting would start a web host instead.
/// The arguments are written space-separated.
/// </summary>
public sealed class SettingsOnlyStartTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:5080")]
    [InlineData("--InfoBot:ContentPath=/srv/content --urls http://127.0.0.1:5080 --ConnectionStrings:InfoBot=Data-Source=a.db")]
    [InlineData("--environment Development --contentRoot=/srv")]
    public void Settings_alone_run_the_bot_directly(string args) => Assert.True(InfoBotCommandLine.IsSettingsOnly(Split(args)));

    [Theory]
    [InlineData("serve")]
    [InlineData("chat")]
    [InlineData("--urls http://127.0.0.1:5080 chat")]
    [InlineData("--InfoBot:ContentPath=/srv/content validate")]
    [InlineData("--help")]
    [InlineData("--urls --help")]
    [InlineData("-h")]
    [InlineData("--version")]
    [InlineData("--")]
    [InlineData("@settings.rsp")]
    public void A_verb_help_or_version_goes_to_the_parser(string args) => Assert.False(InfoBotCommandLine.IsSettingsOnly(Split(args)));

    private static string[] Split(string args) => args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
