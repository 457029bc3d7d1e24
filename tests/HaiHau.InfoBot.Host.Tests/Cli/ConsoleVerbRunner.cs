using HaiHau.InfoBot.Host.Cli;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Cli;

/// <summary>Runs a verb of the executable in-process on a test database, with captured input and output.</summary>
public static class ConsoleVerbRunner
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(string connectionString, string[] args, string input = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] all = [.. args, $"--ConnectionStrings:InfoBot={connectionString}", $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"];
        var parse = InfoBotCommandLine.Create(new StringReader(input), output, error).Parse(all);
        var code = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }
}
