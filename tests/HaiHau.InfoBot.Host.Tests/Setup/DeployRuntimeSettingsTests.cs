using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Setup;

/// <summary>
/// The runtime settings given through the environment (DOTNET_…) are the same whichever shipped way runs the host, the
/// container image or the systemd unit, and the benchmarks read them from the unit (<see cref="ShippedRuntimeSettings"/>),
/// so the idle memory they report is the deployed host's (issue 15).
/// </summary>
public sealed class DeployRuntimeSettingsTests
{
    [Fact]
    public async Task The_container_image_and_the_systemd_unit_give_the_runtime_the_same_settings()
    {
        var dockerfile = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile"));
        var unit = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "deploy", "infobot.service"));
        var runtime = dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();

        var image = DeployFile.DockerEnvironment(runtime).Where(e => e.Key.StartsWith("DOTNET_", StringComparison.Ordinal)).ToDictionary();
        var service = DeployFile.UnitEnvironment(unit).Where(e => e.Key.StartsWith("DOTNET_", StringComparison.Ordinal)).ToDictionary();

        Assert.Equal("3000", image["DOTNET_TC_CallCountingDelayMs"]);
        Assert.Equal(image.OrderBy(e => e.Key), service.OrderBy(e => e.Key));
        Assert.Equal(service.OrderBy(e => e.Key), ShippedRuntimeSettings.FromSystemdUnit().OrderBy(e => e.Key));
    }
}
