using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>Configuration for the verbs that do not run the host: appsettings.json, environment, then --Section:Key=value.</summary>
public static class CliConfiguration
{
    public static IConfiguration Build(System.CommandLine.ParseResult parse) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine([.. parse.UnmatchedTokens])
        .Build();

    public static InfoBotOptions Options(System.CommandLine.ParseResult parse) =>
        Build(parse).GetSection(InfoBotOptions.Section).Get<InfoBotOptions>() ?? new InfoBotOptions();
}
