using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Logging;

/// <summary>
/// The "Serilog" section can still add a sink by name: the host no longer lets Serilog scan every DLL beside it for
/// sinks (issue 15, start-up and idle memory) but names the assemblies, so an operator's "WriteTo" must keep working.
/// </summary>
public sealed class LogSettingsTests
{
    [Fact]
    public void A_file_sink_named_in_the_Serilog_section_writes()
    {
        using var folder = new TempDirectory();
        var logFile = Path.Combine(folder.Path, "operator-sink", "named.log");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = logFile,
        }).Build();
        var services = new ServiceCollection().AddInfoBotLogging(configuration);

        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<Serilog.ILogger>().Information("Sổ tay {Purpose}", "cán bộ");
        }

        Assert.True(File.Exists(logFile), "the sink named in settings was not created");
        Assert.Contains("Sổ tay", File.ReadAllText(logFile), StringComparison.Ordinal);
    }
}
