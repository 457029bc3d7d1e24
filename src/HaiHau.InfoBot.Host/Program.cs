using HaiHau.InfoBot.Host.Cli;

// One executable, several verbs: serve (default), chat, validate. See Cli/InfoBotCommandLine.cs.
return await InfoBotCommandLine.RunAsync(args);

/// <summary>Public so tests can host the app through WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
